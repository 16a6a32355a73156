// When a loaded shared document merges its update log into a snapshot: in a pause of
// the editing, or at once when the log has grown long without a pause.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabLogger } from '@/server/collab/logger';
import { SharedDocument, type CompactionPolicy, type DocumentLimits, type DocumentPeer } from '@/server/collab/shared-document';
import { createMemoryStore, type CollabStore } from '@/server/collab/store';

const silent: CollabLogger = { info: () => {}, warn: () => {}, error: () => {} };
const limits: DocumentLimits = { maxBytes: 5 * 1024 * 1024, longestText: 2000, maxNewClientIdsPerPeer: 4 };
const policy: CompactionPolicy = { quietMs: 300, minUpdatesWhenQuiet: 5, maxUpdates: 40 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const editor: DocumentPeer = { id: 1, userId: '00000000-0000-4000-8000-000000000001', userName: 'Editor', access: 'edit', send: () => {} };

let opened: SharedDocument[] = [];
afterEach(async () => {
  await Promise.all(opened.map((document) => document.close()));
  opened = [];
});

async function openDocument(store: CollabStore): Promise<SharedDocument> {
  const document = new SharedDocument('initiative/00000000-0000-4000-8000-00000000000a/stakeholder-map', store, null, silent, limits, policy);
  await document.load();
  document.addPeer(editor);
  opened.push(document);
  return document;
}

/** The editor's own copy of each document: one tab, one Yjs client id, as the server expects. */
const editorCopies = new WeakMap<SharedDocument, Y.Doc>();

/** Makes `count` edits the way a client does: one update per edit. */
async function edit(document: SharedDocument, count: number, prefix: string): Promise<void> {
  let client = editorCopies.get(document);
  if (!client) {
    const created = new Y.Doc();
    created.on('update', (update: Uint8Array) => document.receiveUpdate(editor, update, Y.decodeUpdate(update)));
    editorCopies.set(document, created);
    client = created;
  }
  for (let index = 0; index < count; index += 1) client.getMap('map').set(`${prefix}-${index}`, index);
  await document.whenStored();
}

describe('compaction of a loaded shared document', () => {
  it('merges the log in the first pause once enough has been stored, and not while edits keep coming', async () => {
    const store = createMemoryStore();
    const document = await openDocument(store);
    await edit(document, 10, 'a');
    expect(await store.countUnmergedUpdates(document.name)).toBe(10);

    // Edits every 20 ms keep postponing it…
    for (let round = 0; round < 5; round += 1) {
      await sleep(20);
      await edit(document, 1, `b${round}`);
    }
    expect(await store.countUnmergedUpdates(document.name)).toBe(15);

    // …and the pause after them lets it run; nothing is lost.
    await sleep(policy.quietMs + 60);
    expect(await store.countUnmergedUpdates(document.name)).toBe(0);
    const reloaded = new Y.Doc();
    (await store.loadDocument(document.name)).forEach((part) => Y.applyUpdate(reloaded, part));
    expect(reloaded.getMap('map').size).toBe(15);
  });

  it('leaves a short log alone in a pause', async () => {
    const store = createMemoryStore();
    const document = await openDocument(store);
    await edit(document, policy.minUpdatesWhenQuiet - 1, 'a');
    await sleep(policy.quietMs + 60);
    expect(await store.countUnmergedUpdates(document.name)).toBe(policy.minUpdatesWhenQuiet - 1);
  });

  it('merges at once, without a pause, when the log reaches its longest', async () => {
    const store = createMemoryStore();
    const document = await openDocument(store);
    await edit(document, policy.maxUpdates, 'a');
    await sleep(5);
    expect(await store.countUnmergedUpdates(document.name)).toBeLessThan(policy.maxUpdates);
    await edit(document, 3, 'b');
    const reloaded = new Y.Doc();
    (await store.loadDocument(document.name)).forEach((part) => Y.applyUpdate(reloaded, part));
    expect(reloaded.getMap('map').size).toBe(policy.maxUpdates + 3);
  });
});
