// The shared document of a stakeholder map as the map editor uses it: editing, refusing
// what no form may write, two editors merging their changes, per-person undo, reading
// damaged documents, the separate contacts document and the ids the browser makes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readContacts, setContact } from '@/lib/stakeholder-map/contacts';
import {
  addRelation,
  addStakeholder,
  createUndoManager,
  moveStakeholder,
  newStakeholderFields,
  readStakeholderMap,
  relationsOf,
  removeRelation,
  removeStakeholder,
  StakeholderMapError,
  stakeholdersOf,
  updateRelation,
  updateStakeholder,
} from '@/lib/stakeholder-map/document';
import { newId } from '@/lib/stakeholder-map/ids';
import { CONTACT_MAX, LONG_TEXT_MAX, type StakeholderFields } from '@/lib/stakeholder-map/model';
import type { StakeholderCategory } from '@/lib/stakeholder-map/vocabulary';

/** Origin of updates that arrive from the other editor, as the sync provider applies them. */
const REMOTE = 'remote-peer';
const ALICE = { userId: 'alice' };
const BOB = { userId: 'bob' };

function fields(name: string, overrides: Partial<StakeholderFields> = {}, category: StakeholderCategory = 'ngo'): StakeholderFields {
  return newStakeholderFields(category, { name, ...overrides });
}

/** A map with three stakeholders; the council funds the association and regulates the utility. */
function cityMap() {
  const doc = new Y.Doc();
  const utility = addStakeholder(doc, fields('Water utility', { power: 4, interest: 2 }, 'utility_provider'));
  const council = addStakeholder(doc, fields('City council', { power: 5, interest: 4 }, 'municipality'));
  const association = addStakeholder(doc, fields('Neighbourhood association', { power: 2, interest: 5 }));
  const funds = addRelation(doc, { from: council, to: association, kind: 'funds', strength: 2, note: '' });
  const regulates = addRelation(doc, { from: council, to: utility, kind: 'regulates', strength: 3, note: 'water tariffs' });
  return { doc, utility, council, association, funds, regulates };
}

function nameOf(doc: Y.Doc, id: string): string | undefined {
  return readStakeholderMap(doc).stakeholders.find((stakeholder) => stakeholder.id === id)?.name;
}

function countUpdates(doc: Y.Doc): { readonly count: number } {
  const counter = { count: 0 };
  doc.on('update', () => {
    counter.count += 1;
  });
  return counter;
}

/** What StakeholderMapError an action is refused with. */
function refusalOf(action: () => unknown): StakeholderMapError {
  try {
    action();
  } catch (error) {
    if (error instanceof StakeholderMapError) return error;
    throw error;
  }
  throw new Error('the action was not refused');
}

/** Brings `to` up to date with what `from` has, as a reconnecting provider does. */
function send(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

/** Two editors whose documents start from the same map. */
function twoEditors() {
  const map = cityMap();
  const other = new Y.Doc();
  send(map.doc, other);
  return { ...map, alice: map.doc, bob: other };
}

/** Forwards every local update of each document to the other at once, as while online. */
function connect(a: Y.Doc, b: Y.Doc) {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(b, update, REMOTE);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(a, update, REMOTE);
  });
}

describe('editing a stakeholder map', () => {
  it('lists the stakeholders sorted by name, with the fields they were given', () => {
    const { doc, council } = cityMap();
    const { stakeholders, repaired } = readStakeholderMap(doc);

    expect(stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['City council', 'Neighbourhood association', 'Water utility']);
    expect(stakeholders.find((stakeholder) => stakeholder.id === council)).toEqual({
      ...fields('City council', { power: 5, interest: 4 }, 'municipality'),
      id: council,
    });
    expect(repaired).toBe(0);
  });

  it('keeps the id it is given and trims the name', () => {
    const doc = new Y.Doc();
    const id = newId();

    expect(addStakeholder(doc, fields('  Ministry of environment  '), { id })).toBe(id);
    expect(nameOf(doc, id)).toBe('Ministry of environment');
  });

  it('starts a new stakeholder with the usual values of its category', () => {
    expect(newStakeholderFields('citizens')).toMatchObject({ kind: 'group', level: 'local', sector: 'civil_society', power: 3, interest: 3 });
    expect(newStakeholderFields('standardization_body')).toMatchObject({ kind: 'organization', level: 'international', sector: 'public' });
  });

  it('changes only the fields that were edited', () => {
    const { doc, utility } = cityMap();

    expect(updateStakeholder(doc, utility, { interest: 5, aims: ' Lower losses ', sscRole: 'enabler_of_ssc' })).toBe(true);
    expect(readStakeholderMap(doc).stakeholders.find((stakeholder) => stakeholder.id === utility)).toMatchObject({
      name: 'Water utility',
      power: 4,
      interest: 5,
      aims: 'Lower losses',
      sscRole: 'enabler_of_ssc',
    });
  });

  it('moves a stakeholder on the canvas', () => {
    const { doc, council } = cityMap();

    expect(moveStakeholder(doc, council, { x: 320.5, y: -40 })).toBe(true);
    expect(readStakeholderMap(doc).stakeholders.find((stakeholder) => stakeholder.id === council)?.position).toEqual({ x: 320.5, y: -40 });
  });

  it('reports a stakeholder someone already deleted instead of bringing it back', () => {
    const { doc, association } = cityMap();
    removeStakeholder(doc, association);

    expect(updateStakeholder(doc, association, { notes: 'call back' })).toBe(false);
    expect(moveStakeholder(doc, association, { x: 1, y: 1 })).toBe(false);
    expect(removeStakeholder(doc, association)).toBe(false);
    expect(nameOf(doc, association)).toBeUndefined();
  });

  it('does not touch the document when an edit changes nothing', () => {
    const { doc, council } = cityMap();
    const updates = countUpdates(doc);

    updateStakeholder(doc, council, { name: 'City council', power: 5 });
    moveStakeholder(doc, council, { x: 0, y: 0 });

    expect(updates.count).toBe(0);
  });

  it('adds, changes and removes relations between stakeholders', () => {
    const { doc, utility, association, funds, regulates } = cityMap();
    const supplies = addRelation(doc, { from: utility, to: association, kind: 'supplies', strength: 1, note: ' tap water ' });

    expect(readStakeholderMap(doc).relations).toContainEqual({ id: supplies, from: utility, to: association, kind: 'supplies', strength: 1, note: 'tap water' });
    expect(updateRelation(doc, funds, { strength: 3, note: 'yearly grant' })).toBe(true);
    expect(removeRelation(doc, regulates)).toBe(true);

    const { relations } = readStakeholderMap(doc);
    expect(relations.map((relation) => relation.id).sort()).toEqual([funds, supplies].sort());
    expect(relations.find((relation) => relation.id === funds)).toMatchObject({ kind: 'funds', strength: 3, note: 'yearly grant' });
    expect(updateRelation(doc, regulates, { strength: 1 })).toBe(false);
    expect(removeRelation(doc, regulates)).toBe(false);
  });

  it('removes a stakeholder together with its relations, and keeps the others', () => {
    const { doc, utility, council, association, funds } = cityMap();
    const supplies = addRelation(doc, { from: utility, to: association, kind: 'supplies', strength: 1, note: '' });

    expect(removeStakeholder(doc, council)).toBe(true);

    const map = readStakeholderMap(doc);
    expect(map.stakeholders.map((stakeholder) => stakeholder.id)).toEqual([association, utility]);
    expect(map.relations.map((relation) => relation.id)).toEqual([supplies]);
    expect(relationsOf(doc).has(funds)).toBe(false);
    expect(map.repaired).toBe(0);
  });
});

describe('refusing input no form may send', () => {
  type CityMap = ReturnType<typeof cityMap>;
  const refusals: { case: string; code: string; prepare?: (map: CityMap) => void; act: (map: CityMap) => unknown }[] = [
    { case: 'a blank name', code: 'nameRequired', act: ({ doc }) => addStakeholder(doc, fields('   ')) },
    { case: 'blanking a name', code: 'nameRequired', act: ({ doc, council }) => updateStakeholder(doc, council, { name: '' }) },
    { case: 'a name over 200 characters', code: 'nameTooLong', act: ({ doc }) => addStakeholder(doc, fields('n'.repeat(201))) },
    { case: 'power 6', code: 'ratingInvalid', act: ({ doc }) => addStakeholder(doc, fields('Port authority', { power: 6 })) },
    { case: 'power 6 in an edit', code: 'ratingInvalid', act: ({ doc, council }) => updateStakeholder(doc, council, { power: 6 }) },
    { case: 'interest 2.5', code: 'ratingInvalid', act: ({ doc, council }) => updateStakeholder(doc, council, { interest: 2.5 }) },
    { case: 'interest NaN', code: 'ratingInvalid', act: ({ doc, council }) => updateStakeholder(doc, council, { interest: Number.NaN }) },
    { case: 'aims over the limit', code: 'textTooLong', act: ({ doc }) => addStakeholder(doc, fields('Port authority', { aims: 'a'.repeat(LONG_TEXT_MAX + 1) })) },
    { case: 'notes over the limit', code: 'textTooLong', act: ({ doc, council }) => updateStakeholder(doc, council, { notes: 'n'.repeat(LONG_TEXT_MAX + 1) }) },
    { case: 'a category not in the list', code: 'categoryInvalid', act: ({ doc, council }) => updateStakeholder(doc, council, { category: 'spaceship' as StakeholderCategory }) },
    { case: 'a position off the canvas', code: 'positionInvalid', act: ({ doc, council }) => moveStakeholder(doc, council, { x: Number.POSITIVE_INFINITY, y: 0 }) },
    {
      case: 'a relation to itself',
      code: 'relationToItself',
      act: ({ doc, council }) => addRelation(doc, { from: council, to: council, kind: 'informs', strength: 1, note: '' }),
    },
    {
      case: 'a relation to a missing stakeholder',
      code: 'relationEndMissing',
      act: ({ doc, council }) => addRelation(doc, { from: council, to: newId(), kind: 'informs', strength: 1, note: '' }),
    },
    {
      case: 'a relation from a deleted stakeholder',
      code: 'relationEndMissing',
      prepare: ({ doc, association }) => removeStakeholder(doc, association),
      act: ({ doc, council, association }) => addRelation(doc, { from: association, to: council, kind: 'informs', strength: 1, note: '' }),
    },
    {
      case: 'a relation strength of 4',
      code: 'strengthInvalid',
      act: ({ doc, council, utility }) => addRelation(doc, { from: council, to: utility, kind: 'informs', strength: 4, note: '' }),
    },
    { case: 'a relation note over the limit', code: 'textTooLong', act: ({ doc, funds }) => updateRelation(doc, funds, { note: 'x'.repeat(LONG_TEXT_MAX + 1) }) },
  ];

  it.each(refusals)('refuses $case with $code and leaves the map as it was', ({ code, prepare, act }) => {
    const map = cityMap();
    prepare?.(map);
    const before = Y.encodeStateAsUpdate(map.doc);
    const shownBefore = readStakeholderMap(map.doc);
    const updates = countUpdates(map.doc);

    const error = refusalOf(() => act(map));

    expect(error.code).toBe(code);
    expect(updates.count).toBe(0);
    expect(Y.encodeStateAsUpdate(map.doc)).toEqual(before);
    expect(readStakeholderMap(map.doc)).toEqual(shownBefore);
  });

  it('names the field that was refused', () => {
    const { doc, council } = cityMap();

    expect(refusalOf(() => updateStakeholder(doc, council, { power: 6 })).field).toBe('power');
    expect(refusalOf(() => addRelation(doc, { from: newId(), to: council, kind: 'funds', strength: 1, note: '' })).field).toBe('from');
  });
});

describe('removing a stakeholder with relations', () => {
  it('is one change, so nobody ever receives relations to a stakeholder that is gone', () => {
    const { alice, bob, council } = twoEditors();
    connect(alice, bob);
    let transactions = 0;
    alice.on('afterTransaction', () => {
      transactions += 1;
    });
    const updates = countUpdates(alice);
    const danglingSeenByBob: string[] = [];
    bob.on('update', () => {
      const ids = new Set(stakeholdersOf(bob).keys());
      for (const [id, relation] of relationsOf(bob)) {
        if (!ids.has(String(relation.get('from'))) || !ids.has(String(relation.get('to')))) danglingSeenByBob.push(id);
      }
    });

    removeStakeholder(alice, council);

    expect(transactions).toBe(1);
    expect(updates.count).toBe(1);
    expect(danglingSeenByBob).toEqual([]);
    expect(readStakeholderMap(bob).relations).toEqual([]);
    expect(relationsOf(bob).size).toBe(0);
  });

  it('is undone in one step, relations included', () => {
    const { doc, council } = cityMap();
    const before = readStakeholderMap(doc);
    const undo = createUndoManager(doc, ALICE);

    removeStakeholder(doc, council, ALICE);
    undo.undo();

    expect(readStakeholderMap(doc)).toEqual(before);
  });

  it('keeps relations between other stakeholders that were stored the early way, as plain values', () => {
    const { doc, utility, council, association } = cityMap();
    const earlyRelation = newId();
    doc.getMap<unknown>('relations').set(earlyRelation, { from: utility, to: association, kind: 'supplies', strength: 2, note: '' });
    expect(readStakeholderMap(doc).relations.map((relation) => relation.id)).toContain(earlyRelation);

    removeStakeholder(doc, council);

    expect(readStakeholderMap(doc).relations).toEqual([{ id: earlyRelation, from: utility, to: association, kind: 'supplies', strength: 2, note: '' }]);
  });
});

describe('two people editing the same map', () => {
  it.each([
    ['Alice', 'Bob'],
    ['Bob', 'Alice'],
  ])('keeps both edits to different fields of one stakeholder when %s\'s arrive first', (first) => {
    const { alice, bob, council } = twoEditors();
    updateStakeholder(alice, council, { name: 'City council of Lyon', interest: 5 }, ALICE);
    updateStakeholder(bob, council, { power: 3, notes: 'Elections in spring' }, BOB);
    moveStakeholder(bob, council, { x: 100, y: 200 }, BOB);

    if (first === 'Alice') {
      send(alice, bob);
      send(bob, alice);
    } else {
      send(bob, alice);
      send(alice, bob);
    }

    const expected = { name: 'City council of Lyon', interest: 5, power: 3, notes: 'Elections in spring', position: { x: 100, y: 200 } };
    expect(readStakeholderMap(alice).stakeholders.find((stakeholder) => stakeholder.id === council)).toMatchObject(expected);
    expect(readStakeholderMap(bob)).toEqual(readStakeholderMap(alice));
  });

  it('merges a day of offline work with what the others did meanwhile', () => {
    const { alice, bob, utility, association, funds } = twoEditors();
    const offlineUpdates: Uint8Array[] = [];
    bob.on('update', (update: Uint8Array) => offlineUpdates.push(update));

    const school = addStakeholder(bob, fields('Primary school', {}, 'citizens'), { origin: BOB });
    addRelation(bob, { from: school, to: association, kind: 'collaborates_with', strength: 2, note: '' }, { origin: BOB });
    updateRelation(bob, funds, { note: 'grant ends in June' }, BOB);
    const university = addStakeholder(alice, fields('University', {}, 'academia_research'), { origin: ALICE });
    updateStakeholder(alice, utility, { contribution: 'Smart meters' }, ALICE);

    // Bob comes back online: his queued updates go out one by one, then he catches up.
    for (const update of offlineUpdates) Y.applyUpdate(alice, update, REMOTE);
    send(alice, bob);

    const merged = readStakeholderMap(alice);
    expect(merged.stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['City council', 'Neighbourhood association', 'Primary school', 'University', 'Water utility']);
    expect(merged.stakeholders.find((stakeholder) => stakeholder.id === utility)?.contribution).toBe('Smart meters');
    expect(merged.relations.find((relation) => relation.id === funds)?.note).toBe('grant ends in June');
    expect(merged.relations.some((relation) => relation.from === school)).toBe(true);
    expect(merged.stakeholders.some((stakeholder) => stakeholder.id === university)).toBe(true);
    expect(readStakeholderMap(bob)).toEqual(merged);
  });

  it('arrives at the same map whatever order the updates are applied in', () => {
    const { alice, bob, council, utility } = twoEditors();
    const base = Y.encodeStateAsUpdate(alice);
    const updates: Uint8Array[] = [];
    alice.on('update', (update: Uint8Array) => updates.push(update));
    bob.on('update', (update: Uint8Array) => updates.push(update));
    updateStakeholder(alice, council, { lfaRole: 'beneficiary' }, ALICE);
    removeStakeholder(alice, utility, ALICE);
    updateStakeholder(bob, utility, { notes: 'Meets on Mondays' }, BOB);
    updateStakeholder(bob, council, { lfaRole: 'affected_opponent' }, BOB);
    const replay = (order: Uint8Array[]) => {
      const doc = new Y.Doc();
      for (const update of [base, ...order]) Y.applyUpdate(doc, update, REMOTE);
      return readStakeholderMap(doc);
    };

    const inOrder = replay(updates);
    const reversed = replay([...updates].reverse());
    send(alice, bob);
    send(bob, alice);

    expect(reversed).toEqual(inOrder);
    expect(readStakeholderMap(alice)).toEqual(inOrder);
    expect(readStakeholderMap(bob)).toEqual(inOrder);
    expect(inOrder.stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['City council', 'Neighbourhood association']);
    expect(inOrder.relations.some((relation) => relation.to === utility)).toBe(false);
  });

  it.each([
    ['the relation', 'the deletion'],
    ['the deletion', 'the relation'],
  ])('hides a relation added to a stakeholder someone else deleted meanwhile (%s arriving first)', (first) => {
    const { alice, bob, utility, association } = twoEditors();
    const supplies = addRelation(alice, { from: utility, to: association, kind: 'supplies', strength: 2, note: '' }, { origin: ALICE });
    removeStakeholder(bob, association, BOB);

    if (first === 'the relation') {
      send(alice, bob);
      send(bob, alice);
    } else {
      send(bob, alice);
      send(alice, bob);
    }

    for (const doc of [alice, bob]) {
      const map = readStakeholderMap(doc);
      expect(map.stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['City council', 'Water utility']);
      expect(map.relations.map((relation) => relation.id)).not.toContain(supplies);
      expect(map.relations.every((relation) => relation.from !== association && relation.to !== association)).toBe(true);
    }
    // The map stays editable: removing the other end clears the leftover relation.
    expect(removeStakeholder(alice, utility, ALICE)).toBe(true);
    expect(relationsOf(alice).has(supplies)).toBe(false);
  });
});

describe('undo', () => {
  it('undoes only what this person did, never what arrived from others or was done as someone else', () => {
    const { alice, bob, council, association } = twoEditors();
    connect(alice, bob);
    const undo = createUndoManager(alice, ALICE);

    const library = addStakeholder(alice, fields('Public library'), { origin: ALICE });
    undo.stopCapturing();
    const museum = addStakeholder(bob, fields('City museum'), { origin: BOB });
    updateStakeholder(alice, association, { notes: 'Entered by the facilitator' }, BOB);
    updateStakeholder(alice, council, { interest: 1 }, ALICE);
    undo.stopCapturing();

    undo.undo();
    expect(readStakeholderMap(alice).stakeholders.find((stakeholder) => stakeholder.id === council)?.interest).toBe(4);
    expect(nameOf(alice, library)).toBe('Public library');

    undo.undo();
    expect(nameOf(alice, library)).toBeUndefined();
    expect(nameOf(alice, museum)).toBe('City museum');
    expect(readStakeholderMap(alice).stakeholders.find((stakeholder) => stakeholder.id === association)?.notes).toBe('Entered by the facilitator');

    expect(undo.undo()).toBeNull();
    expect(nameOf(alice, museum)).toBe('City museum');
    expect(readStakeholderMap(bob)).toEqual(readStakeholderMap(alice));
  });

  it('keeps what someone else changed in the same stakeholder afterwards', () => {
    const { alice, bob, council } = twoEditors();
    connect(alice, bob);
    const undo = createUndoManager(alice, ALICE);

    updateStakeholder(alice, council, { name: 'Town hall', notes: 'Mayor is supportive' }, ALICE);
    undo.stopCapturing();
    updateStakeholder(bob, council, { notes: 'Mayor changed her mind', power: 4 }, BOB);

    undo.undo();

    const shownCouncil = readStakeholderMap(alice).stakeholders.find((stakeholder) => stakeholder.id === council);
    expect(shownCouncil).toMatchObject({ name: 'City council', notes: 'Mayor changed her mind', power: 4 });
    expect(readStakeholderMap(bob)).toEqual(readStakeholderMap(alice));
  });

  it('redoes what was undone', () => {
    const { doc, council, utility } = cityMap();
    const undo = createUndoManager(doc, ALICE);
    moveStakeholder(doc, council, { x: 500, y: 500 }, ALICE);
    const informs = addRelation(doc, { from: utility, to: council, kind: 'informs', strength: 1, note: '' }, { origin: ALICE });
    const after = readStakeholderMap(doc);

    undo.undo();
    expect(readStakeholderMap(doc).relations.some((relation) => relation.id === informs)).toBe(false);
    undo.redo();

    expect(readStakeholderMap(doc)).toEqual(after);
  });
});

describe('reading a damaged document', () => {
  /** Writes raw values the way an old or faulty client could, bypassing every check. */
  function damagedMap() {
    const doc = new Y.Doc();
    const council = addStakeholder(doc, fields('City council', {}, 'municipality'));
    const raw = doc.getMap<unknown>('stakeholders');
    const rawRelations = doc.getMap<unknown>('relations');
    const entry = (values: Record<string, unknown>) => new Y.Map<unknown>(Object.entries(values));
    doc.transact(() => {
      raw.set('spaceship', entry({ name: 'Rocket club', category: 'spaceship', power: 9, interest: 0, x: Number.POSITIVE_INFINITY, y: 10 }));
      raw.set('text-power', entry({ name: 'Port authority', category: 'municipality', power: '3', interest: Number.NaN, x: 5, y: 6 }));
      raw.set('numeric-name', entry({ name: 42, category: 'ngo', kind: 'robot', lfaRole: 'villain', sscRole: 'overlord', organizationId: 'not-a-uuid' }));
      raw.set('plain', { name: 'Chamber of commerce', category: 'industry_association', power: 4, interest: 2, x: 1, y: 2 });
      raw.set('string', 'just a string');
      raw.set('old-scale', entry({ name: 'Regional government', category: 'national_regional_government', scale: 'sub_national', kind: 'organization', sector: 'public', lfaRole: 'active', power: 5, interest: 5, x: 0, y: 0 }));
      raw.set('long-name', entry({ name: 'L'.repeat(500), category: 'ngo', power: 3.6 }));
      rawRelations.set('no-from', entry({ to: council, kind: 'funds', strength: 1 }));
      rawRelations.set('strong', entry({ from: council, to: 'plain', kind: 'funds', strength: 7 }));
      rawRelations.set('odd-kind', entry({ from: 'old-scale', to: council, kind: 'bribes', strength: '2', note: 17 }));
      rawRelations.set('to-string-entry', entry({ from: council, to: 'string', kind: 'informs', strength: 1 }));
      rawRelations.set('loop', entry({ from: council, to: council, kind: 'informs', strength: 1 }));
      rawRelations.set('number', 12);
    });
    return { doc, council };
  }

  function shown(doc: Y.Doc, id: string) {
    const stakeholder = readStakeholderMap(doc).stakeholders.find((candidate) => candidate.id === id);
    if (!stakeholder) throw new Error(`${id} is not shown`);
    return stakeholder;
  }

  it('never throws and counts what it had to repair', () => {
    const { doc } = damagedMap();

    expect(() => readStakeholderMap(doc)).not.toThrow();
    expect(readStakeholderMap(doc).repaired).toBeGreaterThan(0);
  });

  it('reads the same when the damage arrives from another client', () => {
    const { doc } = damagedMap();
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(doc), REMOTE);

    expect(readStakeholderMap(receiver)).toEqual(readStakeholderMap(doc));
  });

  it('brings categories and ratings back into the vocabulary', () => {
    const { doc } = damagedMap();

    expect(shown(doc, 'spaceship')).toMatchObject({ name: 'Rocket club', category: 'other', power: 5, interest: 1 });
    expect(shown(doc, 'text-power')).toMatchObject({ category: 'municipality', power: 3, interest: 3 });
    expect(shown(doc, 'long-name').power).toBe(4);
  });

  it('draws a stakeholder without a usable position somewhere finite on the canvas', () => {
    const { doc } = damagedMap();
    const { position } = shown(doc, 'spaceship');

    expect(Number.isFinite(position.x)).toBe(true);
    expect(position.y).toBe(10);
    expect(shown(doc, 'numeric-name').position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  });

  it('replaces values of the wrong kind by safe ones', () => {
    const { doc } = damagedMap();

    expect(shown(doc, 'numeric-name')).toMatchObject({ name: '', kind: 'organization', lfaRole: 'active', sscRole: null, organizationId: null, aims: '' });
    expect(shown(doc, 'long-name').name).toHaveLength(200);
  });

  it('reads entries stored as plain values and the old "scale" key', () => {
    const { doc } = damagedMap();

    expect(shown(doc, 'plain')).toMatchObject({ name: 'Chamber of commerce', category: 'industry_association', power: 4, interest: 2, position: { x: 1, y: 2 } });
    expect(shown(doc, 'old-scale')).toMatchObject({ name: 'Regional government', level: 'sub_national' });
  });

  it('leaves out entries that are not stakeholders, and relations that do not join two of them', () => {
    const { doc, council } = damagedMap();
    const map = readStakeholderMap(doc);

    expect(map.stakeholders.map((stakeholder) => stakeholder.id)).not.toContain('string');
    expect(map.relations).toEqual([
      { id: 'odd-kind', from: 'old-scale', to: council, kind: 'collaborates_with', strength: 1, note: '' },
      { id: 'strong', from: council, to: 'plain', kind: 'funds', strength: 3, note: '' },
    ]);
  });

  it('keeps the damaged map editable', () => {
    const { doc, council } = damagedMap();

    expect(updateStakeholder(doc, 'spaceship', { category: 'other', power: 5 })).toBe(true);
    expect(removeStakeholder(doc, council)).toBe(true);
    expect(readStakeholderMap(doc).relations).toEqual([]);
  });

  it('finds nothing to repair in a map written through this module', () => {
    const { doc, council, utility } = cityMap();
    updateStakeholder(doc, council, { sscRole: 'driver_of_technology', organizationId: newId() });
    moveStakeholder(doc, utility, { x: -1_000_000, y: 1_000_000 });

    expect(readStakeholderMap(doc).repaired).toBe(0);
  });
});

describe('contact details', () => {
  it('are kept by stakeholder id, trimmed', () => {
    const contacts = new Y.Doc();
    setContact(contacts, 'council', '  mayor@example.org, +33 4 00 00 00 00 ');
    setContact(contacts, 'utility', 'info@water.example');

    expect(readContacts(contacts)).toEqual(
      new Map([
        ['council', 'mayor@example.org, +33 4 00 00 00 00'],
        ['utility', 'info@water.example'],
      ]),
    );
  });

  it('are removed when blanked', () => {
    const contacts = new Y.Doc();
    setContact(contacts, 'council', 'mayor@example.org');

    setContact(contacts, 'council', '   ');

    expect(readContacts(contacts).has('council')).toBe(false);
    expect(contacts.getMap('contacts').size).toBe(0);
  });

  it('refuse text over the limit and keep the previous details', () => {
    const contacts = new Y.Doc();
    setContact(contacts, 'council', 'mayor@example.org');
    const updates = countUpdates(contacts);

    const error = refusalOf(() => setContact(contacts, 'council', 'x'.repeat(CONTACT_MAX + 1)));

    expect(error.code).toBe('contactTooLong');
    expect(updates.count).toBe(0);
    expect(readContacts(contacts).get('council')).toBe('mayor@example.org');
  });

  it('ignore values that are not text', () => {
    const contacts = new Y.Doc();
    contacts.getMap<unknown>('contacts').set('council', { email: 'mayor@example.org' });
    setContact(contacts, 'utility', 'info@water.example');

    expect([...readContacts(contacts).keys()]).toEqual(['utility']);
  });

  it('sync to another staff member', () => {
    const contacts = new Y.Doc();
    const elsewhere = new Y.Doc();
    setContact(contacts, 'council', 'mayor@example.org');

    send(contacts, elsewhere);

    expect(readContacts(elsewhere)).toEqual(readContacts(contacts));
  });
});

describe('new ids', () => {
  it('are distinct version 4 uuids', () => {
    const ids = Array.from({ length: 2_000 }, () => newId());

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
