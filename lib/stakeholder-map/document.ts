// The shared Yjs document of one initiative's stakeholder map: how the map is laid out
// in it, every change the editors make, and a tolerant reader. The browser, the server
// (exports, demo data) and the tests all go through this module, so the document has
// one shape.
//
// Layout: two top-level maps, `stakeholders` and `relations`, keyed by id. Each entry
// is a Y.Map with one key per field, so two people editing different fields of one
// stakeholder both keep their change. Contact details are personal data and live in a
// separate document that only staff open (contacts.ts).
import * as Y from 'yjs';
import {
  positionSchema,
  relationFieldsSchema,
  relationPatchSchema,
  stakeholderFieldsSchema,
  stakeholderPatchSchema,
  type Position,
  type Relation,
  type RelationFields,
  type RelationPatch,
  type Stakeholder,
  type StakeholderFields,
  type StakeholderMapState,
  type StakeholderPatch,
} from './model';
import { newId } from './ids';
import { fieldsOf, readRelation, readStakeholder } from './read';
import { USUAL_LEVEL, USUAL_SECTOR, type StakeholderCategory } from './vocabulary';

export const MAP_SCHEMA_VERSION = 1;

export class StakeholderMapError extends Error {
  constructor(
    /** A catalogue key under stakeholderMap.validation. */
    readonly code: string,
    readonly field?: string,
  ) {
    super(`stakeholder map: ${code}${field ? ` (${field})` : ''}`);
    this.name = 'StakeholderMapError';
  }
}

type Entry = Y.Map<unknown>;

export function stakeholdersOf(doc: Y.Doc): Y.Map<Entry> {
  return doc.getMap<Entry>('stakeholders');
}

export function relationsOf(doc: Y.Doc): Y.Map<Entry> {
  return doc.getMap<Entry>('relations');
}

/** Sensible starting values for a new stakeholder of a category. */
export function newStakeholderFields(category: StakeholderCategory, overrides: Partial<StakeholderFields> = {}): StakeholderFields {
  return {
    name: '',
    kind: category === 'citizens' ? 'group' : 'organization',
    category,
    level: USUAL_LEVEL[category],
    sector: USUAL_SECTOR[category],
    lfaRole: 'active',
    sscRole: null,
    aims: '',
    challenges: '',
    potential: '',
    constraints: '',
    contribution: '',
    power: 3,
    interest: 3,
    organizationId: null,
    notes: '',
    position: { x: 0, y: 0 },
    ...overrides,
  };
}

function parseOrThrow<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new StakeholderMapError(issue?.message ?? 'invalid', issue?.path.map(String).join('.'));
}

function writeStakeholderFields(entry: Entry, fields: StakeholderPatch) {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'position') {
      // Both coordinates together, so that of two people moving one card at once one
      // wins whole, instead of the card landing where neither put it.
      const { x, y } = value as Position;
      if (entry.get('x') !== x || entry.get('y') !== y) {
        entry.set('x', x);
        entry.set('y', y);
      }
    } else if (entry.get(key) !== value) {
      entry.set(key, value);
    }
  }
}

function markVersion(doc: Y.Doc) {
  const meta = doc.getMap('meta');
  if (meta.get('schemaVersion') !== MAP_SCHEMA_VERSION) meta.set('schemaVersion', MAP_SCHEMA_VERSION);
}

/** Adds a stakeholder and returns its id. */
export function addStakeholder(doc: Y.Doc, fields: StakeholderFields, { origin, id = newId() }: { origin?: unknown; id?: string } = {}): string {
  const valid = parseOrThrow(stakeholderFieldsSchema, fields);
  doc.transact(() => {
    markVersion(doc);
    const entry = new Y.Map<unknown>();
    stakeholdersOf(doc).set(id, entry);
    writeStakeholderFields(entry, valid);
  }, origin);
  return id;
}

/** Changes some fields of a stakeholder; false when it no longer exists (someone deleted it). */
export function updateStakeholder(doc: Y.Doc, id: string, patch: StakeholderPatch, origin?: unknown): boolean {
  const valid = parseOrThrow(stakeholderPatchSchema, patch);
  const entry = stakeholdersOf(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  doc.transact(() => writeStakeholderFields(entry, valid), origin);
  return true;
}

export function moveStakeholder(doc: Y.Doc, id: string, position: Position, origin?: unknown): boolean {
  return updateStakeholder(doc, id, { position: parseOrThrow(positionSchema, position) }, origin);
}

/** Deletes a stakeholder and, in the same transaction, every relation that touches it. */
export function removeStakeholder(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const stakeholders = stakeholdersOf(doc);
  if (!stakeholders.has(id)) return false;
  doc.transact(() => {
    const relations = relationsOf(doc);
    for (const [relationId, relation] of relations) {
      // Read the ends as readStakeholderMap does, so a relation in the early plain-value
      // format between two other stakeholders is not swept away with this one.
      const ends = fieldsOf(relation);
      if (!ends || ends.get('from') === id || ends.get('to') === id) relations.delete(relationId);
    }
    stakeholders.delete(id);
  }, origin);
  return true;
}

/** Adds a relation between two stakeholders that exist and returns its id. */
export function addRelation(doc: Y.Doc, fields: RelationFields, { origin, id = newId() }: { origin?: unknown; id?: string } = {}): string {
  const valid = parseOrThrow(relationFieldsSchema, fields);
  const stakeholders = stakeholdersOf(doc);
  if (!stakeholders.has(valid.from)) throw new StakeholderMapError('relationEndMissing', 'from');
  if (!stakeholders.has(valid.to)) throw new StakeholderMapError('relationEndMissing', 'to');
  doc.transact(() => {
    markVersion(doc);
    const entry = new Y.Map<unknown>();
    relationsOf(doc).set(id, entry);
    for (const [key, value] of Object.entries(valid)) entry.set(key, value);
  }, origin);
  return id;
}

export function updateRelation(doc: Y.Doc, id: string, patch: RelationPatch, origin?: unknown): boolean {
  const valid = parseOrThrow(relationPatchSchema, patch);
  const entry = relationsOf(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) if (value !== undefined && entry.get(key) !== value) entry.set(key, value);
  }, origin);
  return true;
}

export function removeRelation(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const relations = relationsOf(doc);
  if (!relations.has(id)) return false;
  doc.transact(() => relations.delete(id), origin);
  return true;
}

const byNameThenId = (a: Stakeholder, b: Stakeholder) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The map as plain values. Damaged or older entries are read as far as they make sense:
 * an unknown category becomes "other", a rating out of range is brought into it, a
 * relation whose stakeholder is gone is left out. `repaired` counts what was adjusted.
 */
export function readStakeholderMap(doc: Y.Doc): StakeholderMapState & { repaired: number } {
  let repaired = 0;
  const stakeholders: Stakeholder[] = [];
  for (const [id, value] of stakeholdersOf(doc)) {
    const read = readStakeholder(id, value);
    if (!read) {
      repaired += 1;
      continue;
    }
    repaired += read.repaired;
    stakeholders.push(read.stakeholder);
  }
  stakeholders.sort(byNameThenId);
  const ids = new Set(stakeholders.map((stakeholder) => stakeholder.id));
  const relations: Relation[] = [];
  for (const [id, value] of relationsOf(doc)) {
    const read = readRelation(id, value, ids);
    if (!read) {
      repaired += 1;
      continue;
    }
    repaired += read.repaired;
    relations.push(read.relation);
  }
  relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { stakeholders, relations, repaired };
}

/** Undo and redo of one person's own changes only: remote edits are never undone. */
export function createUndoManager(doc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager([stakeholdersOf(doc), relationsOf(doc)], { trackedOrigins: new Set([origin]), captureTimeout: 400 });
}
