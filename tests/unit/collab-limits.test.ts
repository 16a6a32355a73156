// The pure pieces of the collaboration server's limits: what an update carries, the
// size budget of a document, the refusal words, and the socket counts.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { longestTextOf, parseRefusal, refusalReason, UPDATE_REFUSALS } from '@/lib/collab/document-limits';
import { CONTACT_MAX, LONG_TEXT_MAX, NAME_MAX } from '@/lib/stakeholder-map/model';
import { isRefusal, OpenSocketCounts, SocketAdmission } from '@/server/collab/socket-limits';
import { clientIdsIn, DocumentSizeBudget, longestStringIn, measureDocument, onlyDeletesExisting } from '@/server/collab/update-check';

/** The update one change makes to a document. */
function updateOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const longest = (update: Uint8Array) => longestStringIn(Y.decodeUpdate(update));

describe('longestStringIn', () => {
  it('finds long strings wherever an update can carry them', () => {
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('stakeholders').set('a', 'x'.repeat(50))))).toBe(50);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getText('text').insert(0, 'y'.repeat(70))))).toBe(70);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('m').set('k', { deep: [[{ inner: 'z'.repeat(90) }]] })))).toBe(90);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('m').set('k'.repeat(120), 1)))).toBe(120);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('m').set('k', { ['q'.repeat(130)]: 1 })))).toBe(130);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('r'.repeat(140)).set('k', 1)))).toBe(140);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('m').set('k', new Uint8Array(150))))).toBe(150);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getXmlFragment('x').insert(0, [new Y.XmlElement('e'.repeat(160))])))).toBe(160);
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getText('t').insert(0, 'ab', { ['f'.repeat(170)]: true })))).toBe(170);
  });

  it('does not overflow the stack on deeply nested values', () => {
    let nested: unknown = 'leaf';
    for (let depth = 0; depth < 1000; depth += 1) nested = [nested];
    expect(longest(updateOf(new Y.Doc(), (doc) => doc.getMap('m').set('k', nested)))).toBe(4);
  });
});

describe('clientIdsIn and onlyDeletesExisting', () => {
  it('names the clients an update writes as', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('a', 1);
    b.getMap('m').set('b', 1);
    const merged = Y.mergeUpdates([Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)]);
    expect(clientIdsIn(Y.decodeUpdate(merged))).toEqual(new Set([a.clientID, b.clientID]));
  });

  it('tells deletions of existing content from everything else', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    Y.applyUpdate(server, updateOf(client, (doc) => doc.getMap('m').set('a', 'text')));
    const deletion = updateOf(client, (doc) => doc.getMap('m').delete('a'));
    expect(onlyDeletesExisting(Y.decodeUpdate(deletion), server)).toBe(true);
    const overwrite = updateOf(client, (doc) => doc.getMap('m').set('b', 'more'));
    expect(onlyDeletesExisting(Y.decodeUpdate(overwrite), server)).toBe(false);
    // A deletion of content the server never had waits in memory: not a plain deletion.
    const stranger = new Y.Doc();
    stranger.getMap('m').set('c', 1);
    const unknownDeletion = updateOf(stranger, (doc) => doc.getMap('m').delete('c'));
    expect(onlyDeletesExisting(Y.decodeUpdate(unknownDeletion), server)).toBe(false);
  });
});

describe('DocumentSizeBudget', () => {
  it('admits while the estimate fits, measures only when it does not, and refuses what would not fit', () => {
    let measures = 0;
    let real = 100;
    let time = 0;
    const budget = new DocumentSizeBudget({ maxBytes: 1000, measure: () => (measures++, real), minMeasureIntervalMs: 1000, now: () => time }, 100);
    expect(budget.admits(800)).toBe(true);
    budget.add(800);
    expect(measures).toBe(0);
    // The estimate (900) says 200 more would not fit; the real size (say 500) says it does.
    real = 500;
    expect(budget.admits(200)).toBe(true);
    expect(measures).toBe(1);
    budget.add(200);
    real = 700;
    // Measured a moment ago: the estimate (700) decides without measuring again.
    expect(budget.admits(400)).toBe(false);
    expect(measures).toBe(1);
    time += 1000;
    expect(budget.admits(400)).toBe(false);
    expect(measures).toBe(2);
    // Unchanged since: no need to measure again, however often asked.
    time += 5000;
    expect(budget.admits(400)).toBe(false);
    expect(measures).toBe(2);
    // After a deletion, measuring again may find room.
    real = 300;
    budget.markShrunk();
    expect(budget.admits(400)).toBe(true);
    expect(measures).toBe(3);
    // Never an update larger than the whole limit.
    expect(budget.admits(1001)).toBe(false);
  });

  it('measures a document as its encoded state', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'x'.repeat(1000));
    expect(measureDocument(doc)).toBe(Y.encodeStateAsUpdate(doc).byteLength);
  });
});

describe('document limits and refusals', () => {
  it('allows each kind of document its longest field', () => {
    expect(longestTextOf('stakeholder-map')).toBe(Math.max(NAME_MAX, LONG_TEXT_MAX));
    expect(longestTextOf('stakeholder-contacts')).toBe(CONTACT_MAX);
  });

  it('reads back every refusal it writes, and nothing else', () => {
    for (const refusal of UPDATE_REFUSALS) expect(parseRefusal(refusalReason(refusal))).toBe(refusal);
    expect(parseRefusal('Permission denied')).toBeNull();
    expect(parseRefusal('[made-up] words')).toBeNull();
  });
});

describe('socket limits', () => {
  it('counts open sockets per key, and a release counts once', () => {
    const counts = new OpenSocketCounts();
    const first = counts.take('user:a', 2)!;
    const second = counts.take('user:a', 2)!;
    expect(counts.take('user:a', 2)).toBeNull();
    expect(counts.take('user:b', 2)).not.toBeNull();
    first();
    first();
    expect(counts.count('user:a')).toBe(1);
    expect(counts.take('user:a', 2)).not.toBeNull();
    second();
  });

  it('refuses over the open-socket cap and over the opening rate, with a sentence and a wait', async () => {
    const admission = new SocketAdmission({ maxPerUser: 2, maxPerAddress: 10, openingsPerMinutePerUser: 3, openingsPerMinutePerAddress: 100 });
    const first = await admission.admitUser('u');
    const second = await admission.admitUser('u');
    const third = await admission.admitUser('u');
    expect(isRefusal(first) || isRefusal(second)).toBe(false);
    expect(isRefusal(third) && third.message).toMatch(/too many open connections/i);
    if (!isRefusal(first)) first.release();
    const fourth = await admission.admitUser('u');
    expect(isRefusal(fourth)).toBe(false);
    if (!isRefusal(fourth)) fourth.release();
    // Three openings a minute: the fourth opening is refused although a place is free.
    const fifth = await admission.admitUser('u');
    expect(isRefusal(fifth) && fifth.retryAfterSeconds).toBeGreaterThan(0);
    expect(isRefusal(await admission.admitUser('someone else'))).toBe(false);
  });
});
