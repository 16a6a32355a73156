// The collaboration server as a user meets it: server/collab/main.ts runs as a child
// process on an embedded PGlite data folder, and real y-websocket providers (and raw
// sockets, for what no well-behaved provider sends) talk to it over TCP.
//
// Processes: one shared server for the tests that do not disturb each other (each test
// uses a document of its own), one that is stopped and restarted on the same data
// folder for the persistence tests, and one with a small message limit and a short
// unload delay for the limit and unload tests. Every process, client and socket is
// cleaned up even when a test fails.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_TOKEN_LIFETIME_SECONDS, collabSigningKey, signCollabToken } from '@/lib/collab/token';
import { createFreshPostgresDatabase } from '../support/databases';
import {
  health,
  newDocumentName,
  openRawSocket,
  removeFolder,
  signingKey,
  startClient,
  startCollabProcess,
  tokenFor,
  upgradeStatus,
  waitFor,
  type CollabProcess,
  type CollabProcessOptions,
  type PendingTestClient,
  type RawSocket,
} from './support';

// --- Clean-up registry -------------------------------------------------------------

const processes = new Set<CollabProcess>();
const folders = new Set<string>();
const clients = new Set<PendingTestClient>();
const rawSockets = new Set<WebSocket>();

function newDataFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'participa-collab-test-'));
  folders.add(folder);
  return folder;
}

async function startProcess(options: CollabProcessOptions): Promise<CollabProcess> {
  const started = await startCollabProcess(options);
  processes.add(started);
  return started;
}

/** A y-websocket provider on the document, registered for clean-up, once synced. */
async function connect(server: CollabProcess, document: string, options: Parameters<typeof startClient>[2] = {}): Promise<PendingTestClient> {
  const client = startClient(server.url, document, options);
  clients.add(client);
  await client.synced;
  return client;
}

function disconnect(client: PendingTestClient): void {
  client.destroy();
  clients.delete(client);
}

async function raw(server: CollabProcess, document: string, options: Parameters<typeof openRawSocket>[2] = {}): Promise<RawSocket> {
  const socket = await openRawSocket(server.url, document, options);
  rawSockets.add(socket.socket);
  return socket;
}

afterEach(() => {
  clients.forEach((client) => client.destroy());
  clients.clear();
  rawSockets.forEach((socket) => socket.terminate());
  rawSockets.clear();
});

afterAll(async () => {
  await Promise.all([...processes].map((server) => server.kill()));
  processes.clear();
  folders.forEach((folder) => removeFolder(folder));
  folders.clear();
});

// --- Protocol helpers (the y-websocket wire format, written out by hand) -----------

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncUpdateMessage(update: Uint8Array, step: number = syncProtocol.messageYjsUpdate): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, update);
  });
}

function syncStep1Message(doc: Y.Doc): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, doc);
  });
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  return message((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      encoder,
      message((inner) => {
        encoding.writeVarUint(inner, entries.length);
        for (const { clientId, clock, state } of entries) {
          encoding.writeVarUint(inner, clientId);
          encoding.writeVarUint(inner, clock);
          encoding.writeVarString(inner, JSON.stringify(state));
        }
      }),
    );
  });
}

const QUERY_AWARENESS = message((encoder) => encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS));

/** The awareness entries of a server message, or null when it is not an awareness message. */
function readAwarenessMessage(data: Uint8Array): AwarenessEntry[] | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const count = decoding.readVarUint(update);
  const entries: AwarenessEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    entries.push({ clientId: decoding.readVarUint(update), clock: decoding.readVarUint(update), state: JSON.parse(decoding.readVarString(update)) });
  }
  return entries;
}

/** The reason of a permission-denied auth message, or null for any other message. */
function readPermissionDenied(data: Uint8Array): string | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return null;
  if (decoding.readVarUint(decoder) !== 0) return null;
  return decoding.readVarString(decoder);
}

/** Applies every sync message the server sent to a raw socket to a local document, as a client would. */
function applySyncMessages(messages: readonly Uint8Array[], doc: Y.Doc): void {
  for (const data of messages) {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
  }
}

/** Client ids that have content in a document: whoever appears here wrote to it. */
function writers(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].sort((a, b) => a - b);
}

/** Polls an async condition until it holds. */
async function eventually(condition: () => Promise<boolean>, description: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${description}`);
    await sleep(25);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the process holds no document in memory, so the next client loads from the store. */
async function untilUnloaded(server: CollabProcess): Promise<void> {
  await eventually(async () => (await health(server.port)).body.documents === 0, 'the server to unload every document');
}

// --- Seeded randomness, so a failing abuse run can be replayed ----------------------

const SEED = Number(process.env.COLLAB_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two people repeatedly open the document, write (also before their connection is up)
 * and leave at once, with pauses around the server's 50 ms unload delay; afterwards a
 * fresh client, and one loading from the store, must see every write. Then several
 * people open the unloaded document at once and must all end up on the same copy.
 */
async function comeAndGoAroundUnloads(server: CollabProcess, seed: number): Promise<void> {
  const document = newDocumentName();
  const random = seededRandom(seed);
  const expected: Record<string, string> = {};
  await untilUnloaded(server);

  // Two people, each repeatedly opening the document, writing (also before the
  // connection is up), and leaving at once; pauses around the 50 ms unload delay.
  // Every fifth round both wait until the server has unloaded the document, so later
  // rounds certainly load it from the store again whatever the random pauses were.
  const rounds = 15;
  const unloadEvery = 5;
  const arrivals = new Map<number, number>();
  const bothAway = async (round: number) => {
    arrivals.set(round, (arrivals.get(round) ?? 0) + 1);
    await eventually(async () => arrivals.get(round) === 2, 'both people to have left');
    await untilUnloaded(server);
  };
  const person = async (name: string) => {
    for (let round = 0; round < rounds; round += 1) {
      const doc = new Y.Doc();
      doc.getMap('map').set(`${name}-${round}-offline`, name);
      expected[`${name}-${round}-offline`] = name;
      const client = await connect(server, document, { doc });
      client.doc.getMap('map').set(`${name}-${round}-online`, name);
      expected[`${name}-${round}-online`] = name;
      disconnect(client);
      if (round % unloadEvery === unloadEvery - 1) {
        await bothAway(round);
        continue;
      }
      // Sometimes back at once, sometimes right around the unload, sometimes after it.
      await sleep([0, 30, 45, 55, 70, 120][Math.floor(random() * 6)]! + Math.floor(random() * 10));
    }
  };
  await Promise.all([person('ana'), person('ben')]);

  await sleep(100);
  const fresh = await connect(server, document);
  const stored = fresh.doc.getMap('map').toJSON();
  const missing = Object.keys(expected).filter((key) => stored[key] !== expected[key]);
  expect(missing, `seed ${seed}`).toEqual([]);

  // And from the store, after the last unload.
  disconnect(fresh);
  await untilUnloaded(server);
  const reloaded = await connect(server, document);
  expect(reloaded.doc.getMap('map').toJSON()).toEqual(expected);

  // Several people opening the unloaded document at the same moment share one copy of it.
  disconnect(reloaded);
  await untilUnloaded(server);
  const crowd = await Promise.all([1, 2, 3, 4, 5].map(() => connect(server, document)));
  crowd.forEach((client, index) => client.doc.getMap('crowd').set(`person-${index}`, index));
  await waitFor(() => crowd.every((client) => client.doc.getMap('crowd').size === crowd.length), 'everyone in the crowd sees everyone', 5000);
}

// ====================================================================================

describe('collaboration server (one shared process)', () => {
  let server: CollabProcess;

  beforeAll(async () => {
    server = await startProcess({ dataDir: newDataFolder() });
  });

  it('lets two clients converge on a map and a text, in both directions', async () => {
    const document = newDocumentName();
    const alice = await connect(server, document);
    const bob = await connect(server, document);

    // Concurrent edits on both sides, before either has seen the other's.
    alice.doc.getMap('map').set('from-alice', { colour: 'green' });
    alice.doc.getText('text').insert(0, 'Hello ');
    bob.doc.getMap('map').set('from-bob', 42);
    bob.doc.getText('text').insert(0, 'world');

    await waitFor(() => bob.doc.getMap('map').has('from-alice') && alice.doc.getMap('map').has('from-bob'), 'both map entries on both clients');
    await waitFor(() => alice.doc.getText('text').length === 11 && bob.doc.getText('text').length === 11, 'both texts complete');
    expect(bob.doc.getMap('map').get('from-alice')).toEqual({ colour: 'green' });
    expect(alice.doc.getMap('map').get('from-bob')).toBe(42);
    expect(alice.doc.getText('text').toString()).toBe(bob.doc.getText('text').toString());
    expect(alice.doc.getText('text').toString()).toMatch(/^(Hello world|worldHello )$/);

    // Edits after the first sync travel too, in both directions.
    bob.doc.getText('text').insert(bob.doc.getText('text').length, '!');
    alice.doc.getMap('map').delete('from-bob');
    await waitFor(() => alice.doc.getText('text').toString().endsWith('!') && !bob.doc.getMap('map').has('from-bob'), 'later edits');

    // Someone who joins later gets the whole state.
    const carol = await connect(server, document);
    expect(carol.doc.getMap('map').toJSON()).toEqual(alice.doc.getMap('map').toJSON());
    expect(carol.doc.getText('text').toString()).toBe(alice.doc.getText('text').toString());
  });

  it('refuses upgrades before upgrading: no, expired, forged or other-document tokens, foreign origins, unknown paths', async () => {
    const document = newDocumentName();
    const base = `${server.url}/${document}`;
    const claims = { userId: randomUUID(), name: 'Tester', document, access: 'edit' as const };
    const valid = await signCollabToken(claims, signingKey);
    const expired = await signCollabToken(claims, signingKey, new Date(Date.now() - 10 * 60 * 1000));
    const forged = await signCollabToken(claims, collabSigningKey('some-other-secret-that-is-long-enough-0123'));
    const forOtherDocument = await signCollabToken({ ...claims, document: newDocumentName() }, signingKey);

    // The control: the same request with a good token is upgraded.
    expect(await upgradeStatus(`${base}?token=${valid}`)).toBe(101);
    expect(await upgradeStatus(`${base}?token=${valid}`, { Origin: `http://127.0.0.1:${server.port}` })).toBe(101);

    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?token=`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${expired}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=${forged}`)).toBe(401);
    expect(await upgradeStatus(`${base}?token=not.a.jwt`)).toBe(401);
    // A token's signature covers its payload: a valid token with another payload is forged too.
    const [header, , signature] = valid.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(valid.split('.')[1]!, 'base64url').toString()), access: 'edit', sub: randomUUID() })).toString('base64url');
    expect(await upgradeStatus(`${base}?token=${header}.${otherPayload}.${signature}`)).toBe(401);

    expect(await upgradeStatus(`${base}?token=${forOtherDocument}`)).toBe(403);
    expect(await upgradeStatus(`${base}?token=${valid}`, { Origin: 'https://evil.example' })).toBe(403);

    expect(await upgradeStatus(`${server.url}/not-a-document?token=${valid}`)).toBe(404);
    expect(await upgradeStatus(`${server.url}/initiative/${randomUUID()}/no-such-kind?token=${valid}`)).toBe(404);
    expect(await upgradeStatus(`${server.url}/initiative/%E0%A4%A/stakeholder-map?token=${valid}`)).toBe(404);

    // The refusals cost nothing: the process serves on.
    expect((await health(server.port)).status).toBe(200);
  });

  it('survives 1,000 random and malformed frames while two clients keep editing, and stores none of them', async () => {
    const document = newDocumentName();
    const random = seededRandom(SEED);
    const context = `fuzz seed ${SEED} (rerun with COLLAB_FUZZ_SEED=${SEED})`;
    const integer = (below: number) => Math.floor(random() * below);
    const bytes = (length: number) => Uint8Array.from({ length }, () => integer(256));

    // Real messages of a document nobody else writes to, to truncate and garble.
    const junk = new Y.Doc();
    junk.getMap('junk').set('secret', 'must never be stored');
    junk.getText('junk-text').insert(0, 'garbage '.repeat(20));
    const junkUpdate = Y.encodeStateAsUpdate(junk);
    const junkMessages = [syncStep1Message(junk), syncUpdateMessage(junkUpdate, syncProtocol.messageYjsSyncStep2), syncUpdateMessage(junkUpdate)];

    const decodes = (update: Uint8Array) => {
      try {
        Y.decodeUpdate(update);
        return true;
      } catch {
        return false;
      }
    };
    /** A binary frame that a correct server would apply as a change of the document. */
    const wouldChangeDocument = (frame: Uint8Array) => {
      try {
        const decoder = decoding.createDecoder(frame);
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
        const step = decoding.readVarUint(decoder);
        if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) return false;
        const update = decoding.readVarUint8Array(decoder);
        return !decoding.hasContent(decoder) && decodes(update);
      } catch {
        return false;
      }
    };
    const hugeVarUint = (encoder: encoding.Encoder) => encoding.writeVarUint(encoder, 2 ** 40 + integer(2 ** 20));

    const generators: Array<() => Uint8Array | string> = [
      // Random bytes, of any length including none.
      () => bytes(integer(200)),
      // A random first byte that is a known message type, then noise.
      () => Uint8Array.from([integer(4), ...bytes(integer(60))]),
      // Truncated sync messages.
      () => {
        const whole = junkMessages[integer(junkMessages.length)]!;
        return whole.slice(0, 1 + integer(whole.length - 1));
      },
      // Bogus Yjs updates in a well-formed sync envelope: truncated, garbled, or noise.
      () => {
        for (;;) {
          const kind = integer(3);
          const update =
            kind === 0
              ? junkUpdate.slice(0, 1 + integer(junkUpdate.length - 1))
              : kind === 1
                ? Uint8Array.from(junkUpdate, (byte) => (random() < 0.2 ? integer(256) : byte))
                : bytes(1 + integer(80));
          if (!decodes(update)) return syncUpdateMessage(update, random() < 0.5 ? syncProtocol.messageYjsUpdate : syncProtocol.messageYjsSyncStep2);
        }
      },
      // Unknown sync sub-types.
      () => message((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, 3 + integer(1000));
        encoding.writeVarUint8Array(encoder, bytes(integer(20)));
      }),
      // Awareness whose state is not JSON.
      () => message((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          encoder,
          message((inner) => {
            encoding.writeVarUint(inner, 1);
            encoding.writeVarUint(inner, integer(2 ** 30));
            encoding.writeVarUint(inner, integer(10));
            encoding.writeVarString(inner, ['{"user":', '{not json}', 'undefined', '\u0000', '{"a":1}}'][integer(5)]!);
          }),
        );
      }),
      // Awareness claiming a million entries.
      () => message((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(encoder, message((inner) => encoding.writeVarUint(inner, 1_000_000 + integer(1000))));
      }),
      // Unknown message types, including the auth type that only servers send.
      () => message((encoder) => {
        encoding.writeVarUint(encoder, [MESSAGE_AUTH, 4, 5, 100, 2 ** 20, 2 ** 31][integer(6)]!);
        encoding.writeUint8Array(encoder, bytes(integer(30)));
      }),
      // Valid messages with trailing bytes.
      () => Uint8Array.from([MESSAGE_QUERY_AWARENESS, ...bytes(1 + integer(10))]),
      // Text frames.
      () => ['hello', '{"type":"sync"}', '\u0000\u0001\u0002', 'x'.repeat(integer(500))][integer(4)]!,
      // Huge lengths and integers that overflow.
      () => message((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
        hugeVarUint(encoder);
        encoding.writeUint8Array(encoder, bytes(integer(16)));
      }),
      () => message((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        hugeVarUint(encoder);
        encoding.writeUint8Array(encoder, bytes(integer(16)));
      }),
      () => message((encoder) => {
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(
          encoder,
          message((inner) => {
            hugeVarUint(inner);
            encoding.writeUint8Array(inner, bytes(integer(8)));
          }),
        );
      }),
      () => Uint8Array.from([MESSAGE_SYNC, ...new Array<number>(12).fill(0xff), 1]),
    ];
    // Always among them: complete structs without their delete set. Yjs integrates the
    // structs before it finds the delete set missing, so a server that applied this
    // without checking it would store the junk.
    const withoutDeleteSet = junkUpdate.slice(0, -1);
    expect(decodes(withoutDeleteSet)).toBe(false);
    const fixedFrames: Uint8Array[] = [syncUpdateMessage(withoutDeleteSet), syncUpdateMessage(withoutDeleteSet, syncProtocol.messageYjsSyncStep2)];
    const nextFrame = (): Uint8Array | string => {
      const fixed = fixedFrames.shift();
      if (fixed) return fixed;
      for (;;) {
        const frame = generators[integer(generators.length)]!();
        // Random noise can, very rarely, be a valid edit; an edit is no garbage.
        if (typeof frame === 'string' || !wouldChangeDocument(frame)) return frame;
      }
    };

    const alice = await connect(server, document);
    const bob = await connect(server, document);
    const goodClientCloses: number[] = [];
    for (const client of [alice, bob]) client.provider.on('connection-close', (event) => goodClientCloses.push(event?.code ?? 0));
    let aliceWrites = 0;
    let bobWrites = 0;
    const editing = setInterval(() => {
      alice.doc.transact(() => {
        alice.doc.getMap('map').set(`alice-${aliceWrites}`, aliceWrites);
        alice.doc.getText('text').insert(0, 'a');
      });
      aliceWrites += 1;
      bob.doc.transact(() => {
        bob.doc.getMap('map').set(`bob-${bobWrites}`, bobWrites);
        bob.doc.getText('text').insert(bob.doc.getText('text').length, 'b');
      });
      bobWrites += 1;
    }, 25);

    const closeCodes: number[] = [];
    let sent = 0;
    try {
      // Three attackers at a time, each reconnecting when the server throws it out.
      await Promise.all(
        [0, 1, 2].map(async () => {
          let attacker: RawSocket | null = null;
          while (sent < 1000) {
            if (!attacker || !attacker.isOpen()) {
              if (attacker) closeCodes.push((await attacker.closed).code);
              attacker = await raw(server, document);
            }
            for (let burst = 0; burst < 5 && sent < 1000; burst += 1) {
              if (attacker.send(nextFrame())) sent += 1;
            }
            // Let the server answer (or close) before the next burst.
            await sleep(2);
          }
          if (attacker) {
            attacker.socket.close();
            closeCodes.push((await attacker.closed).code);
          }
        }),
      );
    } finally {
      clearInterval(editing);
    }
    expect(sent, context).toBeGreaterThanOrEqual(1000);
    // The server threw attackers out for their invalid messages, with the documented code.
    expect(closeCodes.filter((code) => code === 4009).length, context).toBeGreaterThan(10);
    expect(closeCodes.every((code) => code === 4009 || code === 1000 || code === 1005), `${context}: close codes ${closeCodes.join(',')}`).toBe(true);

    // The server is up, it logged what it rejected (without the contents), and the good
    // clients, never disconnected, converge on every edit either made.
    expect(server.child.exitCode, context).toBeNull();
    expect(server.output()).toMatch(/rejected a message of connection \d+/);
    expect(server.output()).not.toContain('must never be stored');
    expect(goodClientCloses, `${context}: the good clients' connections were closed`).toEqual([]);
    const status = await health(server.port);
    expect(status.status, context).toBe(200);
    expect(status.body.status).toBe('ok');
    const expectedMap: Record<string, number> = {};
    for (let index = 0; index < aliceWrites; index += 1) expectedMap[`alice-${index}`] = index;
    for (let index = 0; index < bobWrites; index += 1) expectedMap[`bob-${index}`] = index;
    await waitFor(
      () => Object.keys(alice.doc.getMap('map').toJSON()).length === aliceWrites + bobWrites && bob.doc.getMap('map').size === aliceWrites + bobWrites,
      `${context}: both clients have all ${aliceWrites + bobWrites} edits`,
    );
    expect(alice.doc.getMap('map').toJSON()).toEqual(expectedMap);
    expect(bob.doc.getMap('map').toJSON()).toEqual(expectedMap);
    const text = alice.doc.getText('text').toString();
    expect(bob.doc.getText('text').toString()).toBe(text);
    expect(text.replace(/b/g, '')).toBe('a'.repeat(aliceWrites));
    expect(text.replace(/a/g, '')).toBe('b'.repeat(bobWrites));
    const goodWriters = [alice.doc.clientID, bob.doc.clientID].sort((a, b) => a - b);

    // A fresh client loading from the store sees exactly what the good clients wrote.
    disconnect(alice);
    disconnect(bob);
    rawSockets.forEach((socket) => socket.terminate());
    await untilUnloaded(server);
    const fresh = await connect(server, document);
    expect(fresh.doc.getMap('map').toJSON(), context).toEqual(expectedMap);
    expect(fresh.doc.getText('text').toString(), context).toBe(text);
    expect(writers(fresh.doc), context).toEqual(goodWriters);
    expect([...fresh.doc.share.keys()].sort(), context).toEqual(['map', 'text']);
  }, 60_000);

  it('never lets one connection speak for another client in awareness, and shows each person by the name their token carries', async () => {
    const document = newDocumentName();
    const aliceUserId = randomUUID();
    // The name Alice's token carries (tokenFor); what her browser says about herself does not count.
    const alice = await connect(server, document, { userId: aliceUserId });
    const aliceUser = { name: `Tester ${aliceUserId.slice(0, 4)}`, id: aliceUserId };
    const bob = await connect(server, document);
    const aliceId = alice.doc.clientID;
    const namesBobSawForAlice: string[] = [];
    bob.provider.awareness.on('change', () => {
      const state = bob.provider.awareness.getStates().get(aliceId) as { user?: { name?: string } } | undefined;
      if (state?.user?.name) namesBobSawForAlice.push(state.user.name);
    });
    alice.provider.awareness.setLocalStateField('user', { name: 'The Mayor' });
    await waitFor(() => namesBobSawForAlice.includes(aliceUser.name), 'Bob sees Alice');
    expect(namesBobSawForAlice).not.toContain('The Mayor');

    const mallory = await raw(server, document);
    const aliceClock = alice.provider.awareness.meta.get(aliceId)!.clock;
    const before = mallory.messages.length;
    // Alice's client id at a newer clock, with another name; then the same id saying it left.
    mallory.send(awarenessMessage([{ clientId: aliceId, clock: aliceClock + 10, state: { user: { name: 'Mallory' } } }]));
    mallory.send(awarenessMessage([{ clientId: aliceId, clock: aliceClock + 20, state: null }]));
    mallory.send(QUERY_AWARENESS);
    // The answer to the query comes after the server handled both attempts.
    const answer = await mallory.waitForMessage(
      (data) => mallory.messages.indexOf(data) >= before && (readAwarenessMessage(data) ?? []).some((entry) => entry.clientId === aliceId),
      'the answer to the awareness query',
    );
    expect(readAwarenessMessage(answer)!.find((entry) => entry.clientId === aliceId)!.state).toEqual({ user: aliceUser });

    // Anything sent to Bob before Alice's next change arrives before it.
    alice.provider.awareness.setLocalStateField('cursor', 7);
    await waitFor(
      () => namesBobSawForAlice.includes('Mallory') || (bob.provider.awareness.getStates().get(aliceId) as { cursor?: number } | undefined)?.cursor === 7,
      "Bob sees Alice's next change",
    );
    expect(namesBobSawForAlice).not.toContain('Mallory');
    expect(bob.provider.awareness.getStates().get(aliceId)).toEqual({ user: aliceUser, cursor: 7 });
    expect(alice.provider.awareness.getLocalState()).toEqual({ user: { name: 'The Mayor' }, cursor: 7 });
    const everything = mallory.messages.flatMap((data) => readAwarenessMessage(data) ?? []);
    expect(everything.filter((entry) => entry.clientId === aliceId).map((entry) => entry.state)).not.toContainEqual({ user: { name: 'Mallory' } });

    // Someone joining now sees Alice as herself.
    const carol = await connect(server, document);
    await waitFor(() => carol.provider.awareness.getStates().has(aliceId), 'Carol sees Alice');
    expect(carol.provider.awareness.getStates().get(aliceId)).toEqual({ user: aliceUser, cursor: 7 });
  });

  it("shows a client's presence again after its connection dropped and came back", async () => {
    const document = newDocumentName();
    const aliceUserId = randomUUID();
    const alice = await connect(server, document, { userId: aliceUserId });
    const bob = await connect(server, document);
    const aliceId = alice.doc.clientID;
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => bob.provider.awareness.getStates().has(aliceId), 'Bob sees Alice');

    // A network blip: the connection drops, the provider connects again.
    alice.provider.disconnect();
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), 'Bob sees Alice leave');
    const closeCodes: number[] = [];
    alice.provider.on('connection-close', (event) => closeCodes.push(event?.code ?? 0));
    alice.provider.connect();
    await waitFor(() => alice.provider.synced, 'Alice is back');

    // Alice moves her cursor: Bob must see her again, and the server must not treat
    // her own client id as somebody else's (which would eventually close her connection).
    for (let move = 1; move <= 25; move += 1) alice.provider.awareness.setLocalStateField('cursor', move);
    await waitFor(() => (bob.provider.awareness.getStates().get(aliceId) as { cursor?: number } | undefined)?.cursor === 25, 'Bob sees Alice again', 5000);
    expect(bob.provider.awareness.getStates().get(aliceId)).toEqual({ user: { name: `Tester ${aliceUserId.slice(0, 4)}`, id: aliceUserId }, cursor: 25 });
    expect(closeCodes, 'the server closed Alice\'s connection').toEqual([]);
  });

  it('closes a connection with 4001 when its token expires, and the client comes back with a fresh one', async () => {
    const document = newDocumentName();
    const userId = randomUUID();
    // Signed almost a full lifetime ago: it expires two seconds from now.
    const signedAt = new Date(Date.now() - (COLLAB_TOKEN_LIFETIME_SECONDS - 2) * 1000);
    const shortLived = await signCollabToken({ userId, name: 'Short', document, access: 'edit' }, signingKey, signedAt);
    const alice = await connect(server, document, { token: shortLived });
    const closeCodes: number[] = [];
    alice.provider.on('connection-close', (event) => closeCodes.push(event?.code ?? 0));
    // What the browser does: a fresh token in the address before the old one runs out.
    alice.provider.params = { token: await tokenFor(document, 'edit', userId) };
    await waitFor(() => closeCodes.includes(4001), 'the server closes the expired connection', 8000);
    await waitFor(() => alice.provider.wsconnected && alice.provider.synced, 'Alice reconnects with the fresh token');
    const bob = await connect(server, document);
    alice.doc.getMap('map').set('after-expiry', true);
    await waitFor(() => bob.doc.getMap('map').get('after-expiry') === true, 'an edit after the reconnect reaches Bob');
  });
});

// ====================================================================================

describe('collaboration server across restarts (one data folder)', () => {
  const dataDir = newDataFolder();
  let server: CollabProcess;

  beforeAll(async () => {
    server = await startProcess({ dataDir });
  });

  /** Stops the server with SIGTERM (documents stored) and starts it again on the same data folder. */
  async function restartAfterSigterm(): Promise<void> {
    await server.stop();
    expect(server.child.exitCode, `clean exit after SIGTERM:\n${server.output()}`).toBe(0);
    processes.delete(server);
    server = await startProcess({ dataDir });
  }

  it('keeps everything through a SIGTERM restart', async () => {
    const document = newDocumentName();
    const writer = await connect(server, document);
    const reader = await connect(server, document);
    for (let index = 0; index < 50; index += 1) writer.doc.getMap('map').set(`key-${index}`, { index, by: 'writer' });
    writer.doc.getText('text').insert(0, 'Plaza Mayor: shade, benches, water.');
    writer.doc.getArray('list').push(['one', 'two', 'three']);
    const expectedMap = writer.doc.getMap('map').toJSON();
    await waitFor(() => reader.doc.getMap('map').size === 50 && reader.doc.getArray('list').length === 3, 'the reader has every update');

    // Stopped while both are still connected: they are told the server is going away.
    const closeCodes: number[] = [];
    for (const client of [writer, reader]) client.provider.on('connection-close', (event) => closeCodes.push(event?.code ?? 0));
    await restartAfterSigterm();
    // (Later closes are their attempts to reconnect to the stopped process.)
    expect(closeCodes.slice(0, 2)).toEqual([1001, 1001]);
    disconnect(writer);
    disconnect(reader);

    const fresh = await connect(server, document);
    expect(fresh.doc.getMap('map').toJSON()).toEqual(expectedMap);
    expect(fresh.doc.getText('text').toString()).toBe('Plaza Mayor: shade, benches, water.');
    expect(fresh.doc.getArray('list').toArray()).toEqual(['one', 'two', 'three']);
  });

  it('loses nothing another client had received when the server is killed with SIGKILL mid-edit', async () => {
    const document = newDocumentName();
    // Phase 1: written, then unloaded (compacted into a snapshot).
    {
      const writer = await connect(server, document);
      const reader = await connect(server, document);
      for (let index = 0; index < 20; index += 1) writer.doc.getMap('map').set(`before-${index}`, index);
      await waitFor(() => reader.doc.getMap('map').size === 20, 'phase 1 reached the reader');
      disconnect(writer);
      disconnect(reader);
      await untilUnloaded(server);
    }
    // Phase 2: a writer keeps writing while the server is killed.
    const writer = await connect(server, document);
    const reader = await connect(server, document);
    let written = 0;
    const writing = setInterval(() => {
      writer.doc.getMap('map').set(`during-${written}`, written);
      writer.doc.getText('text').insert(writer.doc.getText('text').length, `${written % 10}`);
      written += 1;
    }, 12);
    try {
      await waitFor(() => reader.doc.getMap('map').size >= 20 + 60, 'the reader receives edits');
      await server.kill();
      expect(server.child.signalCode).toBe('SIGKILL');
    } finally {
      clearInterval(writing);
    }
    // Whatever was already on its way to the reader when the process died may still arrive.
    await sleep(100);
    const received = reader.doc.getMap('map').toJSON();
    const receivedText = reader.doc.getText('text').toString();
    expect(Object.keys(received).length).toBeGreaterThanOrEqual(80);
    disconnect(writer);
    disconnect(reader);

    processes.delete(server);
    server = await startProcess({ dataDir });
    const fresh = await connect(server, document);
    const stored = fresh.doc.getMap('map').toJSON();
    const missing = Object.keys(received).filter((key) => stored[key] !== received[key]);
    expect(missing, `updates the reader had received but the store lost (${written} written)`).toEqual([]);
    expect(fresh.doc.getText('text').toString().startsWith(receivedText)).toBe(true);
  });

  it('keeps a view connection read-only: its edits reach neither editors nor the store, it is told so, and it still receives edits', async () => {
    const document = newDocumentName();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const editor = await connect(server, document);
      editor.doc.getMap('map').set('editor-1', 'before the viewer');
      const viewer = await connect(server, document, { access: 'view' });
      expect(viewer.doc.getMap('map').get('editor-1')).toBe('before the viewer');
      viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });

      // The viewer's provider sends its edits as any client would; the server answers "permission denied".
      viewer.doc.getMap('map').set('viewer-edit', 'must not spread');
      viewer.doc.getText('text').insert(0, 'viewer text');
      await waitFor(() => warn.mock.calls.some(([text]) => String(text).includes('Permission denied')), 'the viewer is told it may not edit');

      // A raw view connection sees the auth message itself, for an update and for a sync step 2.
      const rawViewer = await raw(server, document, { access: 'view' });
      // Like any client, it asks for the state first (an empty state vector: "send me everything").
      rawViewer.send(syncStep1Message(new Y.Doc()));
      const rogue = new Y.Doc();
      rogue.getMap('map').set('raw-viewer-edit', 'must not spread');
      rawViewer.send(syncUpdateMessage(Y.encodeStateAsUpdate(rogue)));
      const denied = await rawViewer.waitForMessage((data) => readPermissionDenied(data) !== null, 'a permission-denied message');
      expect(readPermissionDenied(denied)).toMatch(/read-only/i);
      const deniedCount = () => rawViewer.messages.filter((data) => readPermissionDenied(data) !== null).length;
      rawViewer.send(syncUpdateMessage(Y.encodeStateAsUpdate(rogue), syncProtocol.messageYjsSyncStep2));
      await waitFor(() => deniedCount() === 2, 'a second permission-denied message');

      // The editor keeps writing; both viewers receive it.
      editor.doc.getMap('map').set('editor-2', 'after the viewer');
      await waitFor(() => viewer.doc.getMap('map').get('editor-2') === 'after the viewer', 'the viewer receives edits');
      await waitFor(() => {
        const seen = new Y.Doc();
        applySyncMessages(rawViewer.messages, seen);
        return seen.getMap('map').get('editor-2') === 'after the viewer';
      }, 'the raw viewer receives edits');

      // The editor got its own edits and none of the viewers'; nor did its presence list.
      expect(editor.doc.getMap('map').toJSON()).toEqual({ 'editor-1': 'before the viewer', 'editor-2': 'after the viewer' });
      expect(editor.doc.getText('text').toString()).toBe('');
      expect(editor.provider.awareness.getStates().has(viewer.doc.clientID)).toBe(false);
      // Nor does the server's copy hold them: someone joining now does not get them.
      const joiner = await connect(server, document);
      expect(joiner.doc.getMap('map').toJSON()).toEqual({ 'editor-1': 'before the viewer', 'editor-2': 'after the viewer' });
      expect(writers(joiner.doc)).toEqual([editor.doc.clientID]);
      const editorId = editor.doc.clientID;
      disconnect(editor);
      disconnect(viewer);
      disconnect(joiner);
      rawViewer.socket.terminate();

      // Nor does the store.
      await restartAfterSigterm();
      const fresh = await connect(server, document);
      expect(fresh.doc.getMap('map').toJSON()).toEqual({ 'editor-1': 'before the viewer', 'editor-2': 'after the viewer' });
      expect(fresh.doc.getText('text').toString()).toBe('');
      expect(writers(fresh.doc)).toEqual([editorId]);
    } finally {
      warn.mockRestore();
    }
  });
});

// ====================================================================================

describe('collaboration server limits (64 KiB messages, 50 ms unload delay)', () => {
  let server: CollabProcess;

  beforeAll(async () => {
    server = await startProcess({ dataDir: newDataFolder(), env: { COLLAB_MAX_MESSAGE_BYTES: '65536', COLLAB_UNLOAD_DELAY_MS: '50' } });
  });

  it('closes a connection that sends a message over the limit with 1009, and only that one', async () => {
    const document = newDocumentName();
    const alice = await connect(server, document);
    const bob = await connect(server, document);

    // Just under the limit is fine: one edit of 30 fields as long as a field may be (no text may be longer).
    const large = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`field-${index}`, `${index}`.padEnd(2000, 'x')]));
    alice.doc.transact(() => Object.entries(large).forEach(([key, value]) => alice.doc.getMap('large').set(key, value)));
    await waitFor(() => bob.doc.getMap('large').size === 30, 'a 60 kB edit reaches Bob');

    const offender = await raw(server, document);
    const oversized = new Y.Doc();
    oversized.getText('text').insert(0, 'y'.repeat(70_000));
    offender.send(syncUpdateMessage(Y.encodeStateAsUpdate(oversized)));
    expect((await offender.closed).code).toBe(1009);

    alice.doc.getMap('map').set('after', true);
    bob.doc.getMap('map').set('also-after', true);
    await waitFor(() => bob.doc.getMap('map').get('after') === true && alice.doc.getMap('map').get('also-after') === true, 'the others keep syncing');
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
    expect(bob.doc.getMap('large').toJSON()).toEqual(large);
    expect((await health(server.port)).status).toBe(200);
  });

  it('closes a connection that floods messages beyond the rate limit with 4008', async () => {
    const document = newDocumentName();
    const alice = await connect(server, document);
    const bob = await connect(server, document);
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' });

    const flooder = await raw(server, document);
    for (let index = 0; index < 2000; index += 1) flooder.send(QUERY_AWARENESS);
    expect((await flooder.closed).code).toBe(4008);

    alice.doc.getMap('map').set('after-flood', 1);
    await waitFor(() => bob.doc.getMap('map').get('after-flood') === 1, 'the others keep syncing');
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);

    // A well-behaved connection sending a burst well within the limit stays open.
    const polite = await raw(server, document);
    for (let index = 0; index < 100; index += 1) polite.send(QUERY_AWARENESS);
    await sleep(300);
    expect(polite.isOpen()).toBe(true);
  });

  it('keeps every write when clients come and go around the moment the document unloads', async () => {
    await comeAndGoAroundUnloads(server, SEED + 1);
  });
});

// ====================================================================================

/**
 * Upgrades a raw TCP connection and sends a close frame in the same write, then keeps
 * the TCP connection open (as a client on a bad network may): the server sees the
 * websocket closing while it is still loading the document.
 */
async function openAndCloseWhileLoading(server: CollabProcess, document: string): Promise<{ destroy(): void }> {
  const token = await tokenFor(document);
  const socket = connectTcp(server.port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const mask = randomBytes(4);
  const closeCode = Buffer.from([0x03, 0xe8]);
  const closeFrame = Buffer.concat([Buffer.from([0x88, 0x80 | closeCode.length]), mask, Buffer.from(closeCode.map((byte, index) => byte ^ mask[index % 4]!))]);
  const request =
    `GET /collab/${document}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
  socket.write(Buffer.concat([Buffer.from(request), closeFrame]));
  return { destroy: () => socket.destroy() };
}

// Loading a document only waits for I/O (and so lets a closing socket in between) when
// there is a network round trip in it: a real PostgreSQL or Redis. Embedded PGlite
// answers without ever yielding to the event loop, so this runs only when either is
// configured (CI sets both).
const postgresForTests = process.env.TEST_DATABASE_URL;
const redisForTests = process.env.REDIS_URL;
describe.runIf(Boolean(postgresForTests || redisForTests))('collaboration server on a networked store or bus', () => {
  let server: CollabProcess;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = postgresForTests ? await createFreshPostgresDatabase(postgresForTests) : undefined;
    dropDatabase = database?.drop;
    server = await startProcess({
      ...(database ? { databaseUrl: database.url } : { dataDir: newDataFolder() }),
      redisUrl: redisForTests,
      env: { COLLAB_UNLOAD_DELAY_MS: '50' },
    });
  });

  afterAll(async () => {
    await server?.kill();
    await dropDatabase?.();
  });

  it('keeps every write when clients come and go around the moment the document unloads', async () => {
    await comeAndGoAroundUnloads(server, SEED + 2);
  });

  it('keeps a document loaded for the people on it when another connection closed while it was loading', async () => {
    const document = newDocumentName();
    const leaver = await openAndCloseWhileLoading(server, document);
    try {
      await sleep(50);
      const alice = await connect(server, document);
      leaver.destroy();
      // Well past the unload delay: Alice is still on the document, so it must stay loaded.
      await sleep(300);
      expect((await health(server.port)).body).toMatchObject({ connections: 1, documents: 1 });

      alice.doc.getMap('map').set('alice', 'still here');
      const bob = await connect(server, document);
      await waitFor(() => bob.doc.getMap('map').get('alice') === 'still here', "Bob sees Alice's edit", 3000);
      bob.doc.getMap('map').set('bob', 'hello');
      await waitFor(() => alice.doc.getMap('map').get('bob') === 'hello', "Alice sees Bob's edit", 3000);
    } finally {
      leaver.destroy();
    }
  });
});
