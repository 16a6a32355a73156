// One suite for every CollabStore: the in-memory twin, PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '@/db';
import { stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { listDocumentHistory } from '@/lib/collab/history';
import { createDatabaseStore } from '@/server/collab/database-store';
import { createMemoryStore, type CollabStore } from '@/server/collab/store';
import { createActor } from '../support/actors';
import { testBackends, useSuiteDatabase } from '../support/databases';

interface StoreBackend {
  name: string;
  open(): Promise<{ store: CollabStore; handle?: DatabaseHandle; close(): Promise<void> }>;
}

const storeBackends: StoreBackend[] = [
  { name: 'memory', open: async () => ({ store: createMemoryStore(), close: async () => {} }) },
  ...testBackends.map((backend) => ({
    name: backend.name,
    async open() {
      const handle = await backend.open();
      return { store: createDatabaseStore(handle.db), handle, close: () => handle.close() };
    },
  })),
];

/** Edits a document and returns the updates it produced, one per change. */
function editsOf(doc: Y.Doc, changes: Array<(doc: Y.Doc) => void>): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  doc.on('update', capture);
  changes.forEach((change) => change(doc));
  doc.off('update', capture);
  return updates;
}

function stateOf(parts: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc();
  parts.forEach((part) => Y.applyUpdate(doc, part));
  return doc.getMap('stakeholders').toJSON();
}

describe.each(storeBackends)('collaboration store: $name', (backend) => {
  let opened: Awaited<ReturnType<StoreBackend['open']>>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.close();
  });

  const setKey = (key: string, value: unknown) => (doc: Y.Doc) => doc.getMap('stakeholders').set(key, value);

  it('loads nothing for a document never written', async () => {
    expect(await opened.store.loadDocument(stakeholderMapDocumentName(randomUUID()))).toEqual([]);
  });

  it('gives back exactly what was appended, in batches, and nothing of other documents', async () => {
    const name = stakeholderMapDocumentName(randomUUID());
    const other = stakeholderMapDocumentName(randomUUID());
    const doc = new Y.Doc();
    const [first, second, third] = editsOf(doc, [setKey('city', 'Municipality'), setKey('ngo', 'Green Streets'), setKey('city', 'City council')]);
    await opened.store.appendUpdates(name, [{ update: first!, userId: null }]);
    await opened.store.appendUpdates(name, [
      { update: second!, userId: null },
      { update: third!, userId: null },
    ]);
    await opened.store.appendUpdates(other, [{ update: editsOf(new Y.Doc(), [setKey('x', 1)])[0]!, userId: null }]);
    expect(stateOf(await opened.store.loadDocument(name))).toEqual({ city: 'City council', ngo: 'Green Streets' });
    expect(await opened.store.countUnmergedUpdates(name)).toBe(3);
  });

  it('compacts into a snapshot without losing anything, keeping later updates', async () => {
    const name = stakeholderMapDocumentName(randomUUID());
    const doc = new Y.Doc();
    const updates = editsOf(
      doc,
      Array.from({ length: 30 }, (_, index) => setKey(`stakeholder-${index % 10}`, index)),
    );
    await opened.store.appendUpdates(name, updates.map((update) => ({ update, userId: null })));
    expect(await opened.store.compactDocument(name)).toBe(true);
    expect(await opened.store.countUnmergedUpdates(name)).toBe(0);

    const [later] = editsOf(doc, [setKey('late', true)]);
    await opened.store.appendUpdates(name, [{ update: later!, userId: null }]);
    expect(await opened.store.countUnmergedUpdates(name)).toBe(1);
    expect(stateOf(await opened.store.loadDocument(name))).toEqual(doc.getMap('stakeholders').toJSON());

    expect(await opened.store.compactDocument(name)).toBe(true);
    expect(stateOf(await opened.store.loadDocument(name))).toEqual(doc.getMap('stakeholders').toJSON());
  });

  it('loses nothing when appends and compactions run at the same time', async () => {
    const name = stakeholderMapDocumentName(randomUUID());
    const doc = new Y.Doc();
    const updates = editsOf(
      doc,
      Array.from({ length: 40 }, (_, index) => setKey(`key-${index}`, index)),
    );
    await Promise.all([
      ...updates.map((update) => opened.store.appendUpdates(name, [{ update, userId: null }])),
      opened.store.compactDocument(name),
      opened.store.compactDocument(name),
      opened.store.compactDocument(name),
    ]);
    await opened.store.compactDocument(name);
    expect(stateOf(await opened.store.loadDocument(name))).toEqual(doc.getMap('stakeholders').toJSON());
  });
});

describe.each(testBackends)('edit history on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  const setKey = (key: string, value: unknown) => (doc: Y.Doc) => doc.getMap('stakeholders').set(key, value);

  it('keeps who edited and when, before and after compaction', async () => {
    const db = handle.db;
    const store = createDatabaseStore(db);
    const editor = await createActor(db, 'moderator', 'Marta');
    const name = stakeholderMapDocumentName(randomUUID());
    const doc = new Y.Doc();
    const [first, second, third] = editsOf(doc, [setKey('a', 1), setKey('b', 2), setKey('c', 3)]);
    await store.appendUpdates(name, [{ update: first!, userId: editor.id }], new Date('2026-05-01T10:00:00Z'));
    await store.appendUpdates(
      name,
      [
        { update: second!, userId: editor.id },
        { update: third!, userId: null },
      ],
      new Date('2026-05-01T11:00:10Z'),
    );
    await store.appendUpdates(name, [{ update: third!, userId: editor.id }], new Date('2026-05-01T11:00:40Z'));
    const expected = [
      expect.objectContaining({ userId: editor.id, userName: 'Marta', updateCount: 2, editedAt: new Date('2026-05-01T11:00:40Z') }),
      expect.objectContaining({ userId: null, userName: null, updateCount: 1, editedAt: new Date('2026-05-01T11:00:10Z') }),
      expect.objectContaining({ userId: editor.id, userName: 'Marta', updateCount: 1, editedAt: new Date('2026-05-01T10:00:00Z') }),
    ];
    expect(await listDocumentHistory(db, { document: name })).toEqual(expected);
    await store.compactDocument(name);
    expect(await store.countUnmergedUpdates(name)).toBe(0);
    expect(await listDocumentHistory(db, { document: name })).toEqual(expected);
  });
});
