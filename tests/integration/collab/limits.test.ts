// What one hostile client can do to a shared document and to the collaboration server,
// and what it cannot (issue 13, findings 2 and 4): updates with oversized texts, updates
// that would grow a document past its limit, a connection writing as many Yjs clients,
// a client that ignores being closed, and a token or address opening sockets by the
// thousand. The server runs in this process (server/collab/server.ts), so the tests
// read its log and its store directly; the store is PGlite and, with TEST_DATABASE_URL,
// PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import { connect as connectTcp, type Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { parseRefusal, type UpdateRefusal } from '@/lib/collab/document-limits';
import { listenForRefusals } from '@/lib/collab/listen-for-refusals';
import { LONG_TEXT_MAX } from '@/lib/stakeholder-map/model';
import { createDatabaseStore } from '@/server/collab/database-store';
import { createMemoryStore, type CollabStore } from '@/server/collab/store';
import { testBackends, useSuiteDatabase } from '../support/databases';
import {
  newDocumentName,
  openRawSocket,
  startClient,
  startInProcessServer,
  tokenFor,
  upgradeAnswer,
  waitFor,
  type InProcessServer,
  type PendingTestClient,
  type RawSocket,
} from './support';

// --- Clean-up -------------------------------------------------------------------------

const clients = new Set<PendingTestClient>();
const rawSockets = new Set<WebSocket>();
const tcpSockets = new Set<Socket>();

async function connect(server: InProcessServer, document: string, options: Parameters<typeof startClient>[2] = {}): Promise<PendingTestClient> {
  const client = startClient(server.url, document, options);
  clients.add(client);
  await client.synced;
  return client;
}

async function raw(server: InProcessServer, document: string, options: Parameters<typeof openRawSocket>[2] = {}): Promise<RawSocket> {
  const socket = await openRawSocket(server.url, document, options);
  rawSockets.add(socket.socket);
  return socket;
}

afterEach(() => {
  clients.forEach((client) => client.destroy());
  clients.clear();
  rawSockets.forEach((socket) => socket.terminate());
  rawSockets.clear();
  tcpSockets.forEach((socket) => socket.destroy());
  tcpSockets.clear();
});

// --- The wire format, by hand ---------------------------------------------------------

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The refusal a permission-denied message carries, or undefined for any other message. */
function refusalIn(data: Uint8Array): UpdateRefusal | null | undefined {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== 2 || decoding.readVarUint(decoder) !== 0) return undefined;
  return parseRefusal(decoding.readVarString(decoder));
}

function refusalsOf(socket: RawSocket): Array<UpdateRefusal | null> {
  return socket.messages.map(refusalIn).filter((refusal) => refusal !== undefined);
}

/** A stakeholder entry as the map stores one, with the given notes, made by a client of its own. */
function stakeholderUpdate(notes: string, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    doc.getMap('stakeholders').set(randomUUID(), entry);
    entry.set('name', 'Harbour association');
    entry.set('notes', notes);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

/** The document as the store holds it now. */
async function stored(store: CollabStore, document: string): Promise<{ doc: Y.Doc; bytes: number }> {
  const parts = await store.loadDocument(document);
  const doc = new Y.Doc();
  parts.forEach((part) => Y.applyUpdate(doc, part));
  return { doc, bytes: parts.reduce((total, part) => total + part.byteLength, 0) };
}

function writers(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].sort((a, b) => a - b);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls an async condition until it holds. */
async function eventually(condition: () => Promise<boolean>, description: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${description}`);
    await sleep(25);
  }
}

// ======================================================================================

describe.each(testBackends)('shared document limits on $name', (backend) => {
  const database = useSuiteDatabase(backend);
  let store: CollabStore;
  let server: InProcessServer;
  let smallServer: InProcessServer;

  beforeAll(async () => {
    store = createDatabaseStore(database.db);
    server = await startInProcessServer({ store });
    // A 64 KiB limit, to fill a document with ordinary edits.
    smallServer = await startInProcessServer({ store, maxDocumentBytes: 64 * 1024 });
  });

  afterAll(async () => {
    await server?.close();
    await smallServer?.close();
  });

  it('refuses updates holding a text longer than any field (20 × 0.95 MB notes): the sender is told, nothing is stored, others keep syncing', async () => {
    const document = newDocumentName();
    const alice = await connect(server, document);
    const bob = await connect(server, document);
    alice.doc.getMap('stakeholders').set('city', 'City council');
    await waitFor(() => bob.doc.getMap('stakeholders').get('city') === 'City council', 'Bob sees Alice');

    const offender = await raw(server, document);
    const offenderDoc = new Y.Doc();
    for (let index = 0; index < 20; index += 1) offender.send(syncUpdateMessage(stakeholderUpdate(`${index}`.padEnd(950_000, 'x'), offenderDoc)));
    await waitFor(() => refusalsOf(offender).length >= 19 || !offender.isOpen(), 'the offender is told');
    expect(refusalsOf(offender)[0]).toBe('text-too-long');

    // Just at the longest field is fine, from an honest client.
    alice.doc.getMap('notes').set('long', 'n'.repeat(LONG_TEXT_MAX));
    bob.doc.getMap('stakeholders').set('ngo', 'Green Streets');
    await waitFor(() => alice.doc.getMap('stakeholders').get('ngo') === 'Green Streets', 'Alice sees Bob after the attack');
    await waitFor(() => bob.doc.getMap('notes').get('long') !== undefined, 'Bob sees the longest allowed note');
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);

    // What a page loads now: the honest edits, nothing of the offender.
    const { doc, bytes } = await stored(store, document);
    expect(doc.getMap('stakeholders').toJSON()).toEqual({ city: 'City council', ngo: 'Green Streets' });
    expect(writers(doc)).toEqual([alice.doc.clientID, bob.doc.clientID].sort((a, b) => a - b));
    expect(bytes).toBeLessThan(10_000);
    // And someone opening the map now receives just as little.
    const carol = await connect(server, document);
    expect(Y.encodeStateAsUpdate(carol.doc).byteLength).toBeLessThan(10_000);
  });

  it('refuses an update that would grow the document past its size limit, tells the sender, stores nothing of it, and still takes deletions', async () => {
    const document = newDocumentName();
    const alice = await connect(smallServer, document);
    const bob = await connect(smallServer, document);
    const refusals: Array<UpdateRefusal | null> = [];
    listenForRefusals(alice.provider, (refusal) => refusals.push(refusal));

    // Alice fills the map with stakeholders whose notes are as long as allowed.
    const ids: string[] = [];
    for (let index = 0; index < 60 && refusals.length === 0; index += 1) {
      const id = randomUUID();
      ids.push(id);
      alice.doc.getMap('stakeholders').set(id, `${index}`.padEnd(LONG_TEXT_MAX, 'n'));
      await sleep(10);
    }
    await waitFor(() => refusals.length > 0, 'Alice is told the map is full');
    expect(refusals[0]).toBe('document-too-large');

    // The store and Bob have the stakeholders added before the refused one, and none after.
    await sleep(200);
    const { doc, bytes } = await stored(store, document);
    const accepted = doc.getMap('stakeholders').size;
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(ids.length);
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
    expect(ids.slice(0, accepted).every((id) => doc.getMap('stakeholders').has(id))).toBe(true);
    expect(ids.slice(accepted).some((id) => doc.getMap('stakeholders').has(id) || bob.doc.getMap('stakeholders').has(id))).toBe(false);
    expect(bob.doc.getMap('stakeholders').size).toBe(accepted);

    // Bob can still remove stakeholders: that makes room, it is never refused.
    const bobRefusals: Array<UpdateRefusal | null> = [];
    listenForRefusals(bob.provider, (refusal) => bobRefusals.push(refusal));
    const [first, second] = ids;
    bob.doc.getMap('stakeholders').delete(first!);
    bob.doc.getMap('stakeholders').delete(second!);
    await eventually(async () => !(await stored(store, document)).doc.getMap('stakeholders').has(second!), 'the deletion is stored');
    expect(bobRefusals).toEqual([]);
    expect(bob.provider.wsconnected).toBe(true);
  });

  it('lets one connection bring at most four new Yjs client ids into a document', async () => {
    const document = newDocumentName();
    const alice = await connect(server, document);
    const hostile = await raw(server, document);
    // Ten frames, each written as a client of its own.
    const ids: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const doc = new Y.Doc();
      const id = randomUUID();
      ids.push(id);
      doc.getMap('stakeholders').set(id, `client ${index}`);
      hostile.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    }
    await waitFor(() => refusalsOf(hostile).length === 6, 'six refusals');
    expect(new Set(refusalsOf(hostile))).toEqual(new Set(['too-many-writers']));

    alice.doc.getMap('stakeholders').set('after', 'Alice still edits');
    await eventually(async () => (await stored(store, document)).doc.getMap('stakeholders').get('after') === 'Alice still edits', 'Alice is stored');
    const { doc } = await stored(store, document);
    expect(writers(doc)).toHaveLength(5); // four from the hostile connection, one Alice
    expect(ids.slice(0, 4).every((id) => doc.getMap('stakeholders').has(id))).toBe(true);
    expect(ids.slice(4).some((id) => doc.getMap('stakeholders').has(id))).toBe(false);
    expect(alice.doc.getMap('stakeholders').size).toBe(5);
  });
});

// ======================================================================================

/** Masked client frame (binary) with a payload under 126 bytes. */
function clientFrame(payload: Uint8Array): Buffer {
  const mask = randomBytes(4);
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.length]), mask, Buffer.from(payload.map((byte, index) => byte ^ mask[index % 4]!))]);
}

/**
 * A websocket client over raw TCP that never reads what the server says: it keeps
 * sending the frame for `durationMs` after upgrading, whatever the server answers, as
 * a hostile client would. Resolves with whether the server cut the connection.
 */
async function floodIgnoringClose(server: InProcessServer, document: string, payload: Uint8Array, durationMs: number): Promise<{ isCutOff: boolean; framesSent: number }> {
  const token = await tokenFor(document, 'view');
  const socket = connectTcp(server.port, '127.0.0.1');
  tcpSockets.add(socket);
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(
    `GET /collab/${document}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) => {
    let answer = '';
    const onData = (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        socket.off('data', onData);
        // From here on, nothing the server sends is looked at.
        socket.on('data', () => undefined);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  const frames = Buffer.concat(Array.from({ length: 200 }, () => clientFrame(payload)));
  const deadline = Date.now() + durationMs;
  let framesSent = 0;
  while (!isClosed && Date.now() < deadline) {
    socket.write(frames);
    framesSent += 200;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Cut off: within a few seconds rather than ws's 30-second close timeout.
  const isCutOff = await Promise.race([closed.then(() => true), sleep(8000).then(() => false)]);
  return { isCutOff, framesSent };
}

describe('a connection being closed', () => {
  let server: InProcessServer;

  beforeAll(async () => {
    server = await startInProcessServer({ store: createMemoryStore() });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('is neither read nor logged once closed for flooding (4008), and is cut off when it ignores the close', async () => {
    const document = newDocumentName();
    const alice = await connect(server, document);
    const before = server.lines.length;
    const queryAwareness = Uint8Array.of(3);
    const { isCutOff, framesSent } = await floodIgnoringClose(server, document, queryAwareness, 2000);
    expect(framesSent).toBeGreaterThan(2000);
    expect(isCutOff).toBe(true);
    const logged = server.lines.slice(before);
    expect(logged.filter((line) => line.includes('4008'))).toHaveLength(1);
    expect(logged.length).toBeLessThanOrEqual(3);

    // Nobody else noticed.
    const bob = await connect(server, document);
    alice.doc.getMap('stakeholders').set('after', 'flood');
    await waitFor(() => bob.doc.getMap('stakeholders').get('after') === 'flood', 'Bob sees Alice after the flood');
  });

  it('is neither read nor logged once closed for invalid messages (4009), and logs each reason once', async () => {
    const document = newDocumentName();
    const before = server.lines.length;
    const unknownType = Uint8Array.of(9, 1, 2, 3);
    const { isCutOff } = await floodIgnoringClose(server, document, unknownType, 2000);
    expect(isCutOff).toBe(true);
    const logged = server.lines.slice(before);
    expect(logged.filter((line) => line.includes('4009'))).toHaveLength(1);
    expect(logged.filter((line) => line.includes('unknown message type'))).toHaveLength(1);
    expect(logged.length).toBeLessThanOrEqual(3);
  });
});

// ======================================================================================

describe('sockets per user and per address', () => {
  let server: InProcessServer;

  beforeAll(async () => {
    server = await startInProcessServer({
      store: createMemoryStore(),
      socketLimits: { maxPerUser: 3, maxPerAddress: 5, openingsPerMinutePerUser: 8, openingsPerMinutePerAddress: 1000 },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  const urlFor = async (document: string, userId: string) => `${server.url}/${document}?token=${encodeURIComponent(await tokenFor(document, 'edit', userId))}`;

  it('refuses a user more open sockets than allowed with 429 and a sentence, and serves another user', async () => {
    const document = newDocumentName();
    const user = randomUUID();
    const address = { 'x-forwarded-for': '203.0.113.10' };
    const open = await Promise.all([1, 2, 3].map(() => raw(server, document, { userId: user, headers: address })));
    const refused = await upgradeAnswer(await urlFor(document, user), address);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/too many open connections for your account/i);

    // Someone else, even from the same address, gets in.
    expect((await upgradeAnswer(await urlFor(document, randomUUID()), address)).status).toBe(101);

    // Closing one frees its place.
    open[0]!.socket.close();
    await open[0]!.closed;
    await eventually(async () => (await upgradeAnswer(await urlFor(document, user), address)).status === 101, 'a place is free again');
  });

  it('refuses an address more open sockets than allowed, and serves other addresses', async () => {
    const document = newDocumentName();
    const crowded = { 'x-forwarded-for': '198.51.100.7' };
    await Promise.all([1, 2, 3, 4, 5].map(() => raw(server, document, { headers: crowded })));
    const refused = await upgradeAnswer(await urlFor(document, randomUUID()), crowded);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(/too many open connections from your network address/i);
    expect((await upgradeAnswer(await urlFor(document, randomUUID()), { 'x-forwarded-for': '198.51.100.8' })).status).toBe(101);
  });

  it('refuses a user opening sockets faster than allowed, saying when to try again', async () => {
    // A server of its own, where only the opening rate can refuse.
    const rated = await startInProcessServer({
      store: createMemoryStore(),
      socketLimits: { maxPerUser: 100, maxPerAddress: 100, openingsPerMinutePerUser: 8, openingsPerMinutePerAddress: 1000 },
    });
    try {
      const document = newDocumentName();
      const user = randomUUID();
      const address = { 'x-forwarded-for': '192.0.2.1' };
      const url = async (userId: string) => `${rated.url}/${document}?token=${encodeURIComponent(await tokenFor(document, 'edit', userId))}`;
      for (let index = 0; index < 8; index += 1) expect((await upgradeAnswer(await url(user), address)).status).toBe(101);
      const refused = await upgradeAnswer(await url(user), address);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatch(/try again/i);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect((await upgradeAnswer(await url(randomUUID()), address)).status).toBe(101);
    } finally {
      await rated.close();
    }
  });
});
