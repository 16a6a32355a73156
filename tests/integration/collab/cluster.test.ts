// Several collaboration processes sharing the real PostgreSQL and the real Redis: what a
// city runs behind a load balancer. Each process is server/collab/main.ts as a child
// process; clients are real y-websocket providers. Needs TEST_DATABASE_URL and REDIS_URL
// (in CI their absence fails the suite).
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createFreshPostgresDatabase } from '../support/databases';
import {
  connectClient,
  killRedisSubscriberOf,
  newDocumentName,
  reconnectClient,
  startCollabProcess,
  waitFor,
  type CollabProcess,
  type TestClient,
} from './support';

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const baseDatabaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const servicesMissing = !baseDatabaseUrl || !redisUrl;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MAP = 'entries';

/** Keys of the shared map, as this doc has them. */
function keysOf(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap(MAP).keys());
}

function missingFrom(keys: ReadonlySet<string>, required: Iterable<string>): string[] {
  return [...required].filter((key) => !keys.has(key));
}

/**
 * One person editing: writes keys `${name}-${n}` and records every key of someone else
 * that ever reached its doc (the doc is kept across reconnects, so the record is too).
 */
class Participant {
  readonly observed = new Set<string>();
  readonly written: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private count = 0;

  constructor(
    readonly name: string,
    readonly userId: string,
    public client: TestClient,
  ) {
    client.doc.getMap(MAP).observe((event) => {
      for (const key of event.keysChanged) if (!key.startsWith(`${name}-`)) this.observed.add(key);
    });
  }

  get doc(): Y.Doc {
    return this.client.doc;
  }

  write(): string {
    this.count += 1;
    const key = `${this.name}-${this.count}`;
    this.doc.getMap(MAP).set(key, this.count);
    this.written.push(key);
    return key;
  }

  /** Writes every 20–50 ms until stopped. */
  startWriting(): void {
    const tick = () => {
      this.write();
      this.timer = setTimeout(tick, 20 + Math.random() * 30);
    };
    this.timer = setTimeout(tick, Math.random() * 30);
  }

  stopWriting(): void {
    clearTimeout(this.timer);
  }
}

describe.skipIf(servicesMissing && !isCi)('collaboration cluster: processes sharing PostgreSQL and Redis', () => {
  let databaseUrl = '';
  let dropDatabase: (() => Promise<void>) | undefined;
  const processes: CollabProcess[] = [];
  const clients: TestClient[] = [];
  const writers: Participant[] = [];
  let a: CollabProcess;
  let b: CollabProcess;

  async function start(options: { redis?: boolean } = {}): Promise<CollabProcess> {
    const started = await startCollabProcess({ databaseUrl, redisUrl: options.redis === false ? undefined : redisUrl });
    processes.push(started);
    return started;
  }

  async function connect(server: CollabProcess, document: string, userId: string = crypto.randomUUID()): Promise<TestClient> {
    const client = await connectClient(server.url, document, { userId });
    clients.push(client);
    return client;
  }

  async function participant(name: string, server: CollabProcess, document: string): Promise<Participant> {
    const userId = crypto.randomUUID();
    const writer = new Participant(name, userId, await connect(server, document, userId));
    writers.push(writer);
    return writer;
  }

  async function moveTo(writer: Participant, server: CollabProcess, document: string): Promise<void> {
    writer.client = await reconnectClient(writer.client, server.url, document, { userId: writer.userId });
    clients.push(writer.client);
  }

  /** Everyone has the same keys, and at least the required ones. */
  async function expectConvergence(participants: Participant[], required: ReadonlySet<string>, timeoutMs = 15_000): Promise<Set<string>> {
    try {
      await waitFor(() => {
        const first = keysOf(participants[0]!.doc);
        if (missingFrom(first, required).length > 0) return false;
        return participants.every((p) => {
          const keys = keysOf(p.doc);
          return keys.size === first.size && missingFrom(keys, first).length === 0;
        });
      }, 'all clients converge', timeoutMs);
    } catch (error) {
      const report = participants.map((p) => `${p.name}: ${keysOf(p.doc).size} keys, missing ${missingFrom(keysOf(p.doc), required).slice(0, 10).join(' ')}`);
      throw new Error(`${(error as Error).message}\n${report.join('\n')}\n${processes.map((p) => p.output()).join('\n---\n')}`);
    }
    return keysOf(participants[0]!.doc);
  }

  /** Which updates the stored log lacks: a Yjs update whose predecessor is missing cannot be applied. */
  async function storedGaps(document: string, names: ReadonlyMap<number, string>): Promise<string> {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const probe = new Y.Doc();
      const [snapshot] = await sql<{ state: Uint8Array }[]>`select state from collab_snapshots where document = ${document}`;
      if (snapshot) Y.applyUpdate(probe, snapshot.state);
      const rows = await sql<{ update: Uint8Array }[]>`select update from collab_updates where document = ${document} order by id`;
      rows.forEach((row) => Y.applyUpdate(probe, row.update));
      const missing = [...(probe.store.pendingStructs?.missing ?? new Map<number, number>())];
      return `${rows.length} stored update(s); the log lacks ${missing.map(([client, clock]) => `${names.get(client) ?? client}'s update at clock ${clock}`).join(', ') || 'nothing'}, so everything after it cannot be applied`;
    } finally {
      await sql.end();
    }
  }

  beforeAll(async () => {
    if (!baseDatabaseUrl || !redisUrl) {
      throw new Error('TEST_DATABASE_URL and REDIS_URL must be set: CI tests the collaboration cluster against the real PostgreSQL and Redis.');
    }
    const database = await createFreshPostgresDatabase(baseDatabaseUrl);
    databaseUrl = database.url;
    dropDatabase = database.drop;
    // Both at once: migrations run once, under the advisory lock.
    [a, b] = await Promise.all([start(), start()]);
  });

  afterAll(async () => {
    writers.forEach((writer) => writer.stopWriting());
    for (const client of clients) {
      client.destroy();
      client.provider.awareness.destroy();
    }
    await Promise.all(processes.map((server) => server.stop()));
    await dropDatabase?.();
  });

  it('converges when clients of two processes edit the same document', async () => {
    const document = newDocumentName();
    const participants = [
      ...(await Promise.all([0, 1, 2].map((i) => participant(`a${i}`, a, document)))),
      ...(await Promise.all([0, 1, 2].map((i) => participant(`b${i}`, b, document)))),
    ];
    const written = new Set<string>();
    for (let round = 0; round < 5; round += 1) {
      for (const p of participants) written.add(p.write());
      // Clients of both processes overwrite one key at the same moment: all must agree on the winner.
      participants[round % 3]!.doc.getMap(MAP).set('shared', `a ${round}`);
      participants[3 + (round % 3)]!.doc.getMap(MAP).set('shared', `b ${round}`);
      await sleep(30);
    }
    await expectConvergence(participants, written);
    for (const p of participants) expect(p.doc.getMap(MAP).toJSON()).toEqual(participants[0]!.doc.getMap(MAP).toJSON());
    expect(participants[0]!.doc.getMap(MAP).get('shared')).toMatch(/^[ab] /);
  });

  it('shows presence set on a client of one process to the clients of the other', async () => {
    const document = newDocumentName();
    const [anaId, boId] = [crypto.randomUUID(), crypto.randomUUID()];
    const onA = await connect(a, document, anaId);
    const onB = await connect(b, document, boId);
    // Names come from the tokens (tokenFor names each user "Tester <first four of the id>").
    const userSeen = (viewer: TestClient, other: TestClient) => (viewer.provider.awareness.getStates().get(other.doc.clientID) as { user?: { name?: string; cursor?: number } } | undefined)?.user;
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana', cursor: 1 });
    await waitFor(() => userSeen(onB, onA)?.name === `Tester ${anaId.slice(0, 4)}`, 'B sees A');
    onB.provider.awareness.setLocalStateField('user', { name: 'Bo', cursor: 2 });
    await waitFor(() => userSeen(onA, onB)?.name === `Tester ${boId.slice(0, 4)}`, 'A sees B');
    // A change is seen too, not only the first state.
    onA.provider.awareness.setLocalStateField('user', { name: 'Ana', cursor: 7 });
    await waitFor(() => userSeen(onB, onA)?.cursor === 7, 'B sees A move');
  });

  it('converges although a process missed pub/sub messages (state vectors fill the gap)', async () => {
    const document = newDocumentName();
    const writersOnA = await Promise.all([0, 1].map((i) => participant(`pa${i}`, a, document)));
    const readersOnB = await Promise.all([0, 1].map((i) => participant(`pb${i}`, b, document)));
    writersOnA.forEach((writer) => writer.startWriting());
    // B's subscriber is cut off three times while A's clients keep writing: whatever A
    // publishes until B has subscribed again never reaches B through pub/sub.
    for (let cut = 0; cut < 3; cut += 1) {
      await sleep(300);
      expect(await killRedisSubscriberOf(redisUrl!, b.child.pid!)).toBeGreaterThan(0);
    }
    await sleep(300);
    writersOnA.forEach((writer) => writer.stopWriting());
    const written = new Set(writersOnA.flatMap((writer) => writer.written));
    await expectConvergence([...writersOnA, ...readersOnB], written, 15_000);
    // A late writer on B reaches A as usual once B is subscribed again.
    const last = readersOnB[0]!.write();
    await expectConvergence([...writersOnA, ...readersOnB], new Set([...written, last]), 10_000);
  });

  it('loses no update any other client saw when a process is killed with SIGKILL mid-edit', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const document = newDocumentName();
    // On the first process: three people who reconnect with their docs, and two whose
    // tabs die with the process (their docs are gone: only what the server stored counts).
    const stayingOnFirst = await Promise.all([0, 1, 2].map((i) => participant(`ka${i}`, first, document)));
    const lostWithFirst = await Promise.all([0, 1].map((i) => participant(`ke${i}`, first, document)));
    const onSecond = await Promise.all([0, 1, 2].map((i) => participant(`kb${i}`, second, document)));
    const everyone = [...stayingOnFirst, ...lostWithFirst, ...onSecond];
    const keepers = [...stayingOnFirst, ...onSecond];
    everyone.forEach((writer) => writer.startWriting());

    await sleep(1500);
    await first.kill();
    for (const writer of lostWithFirst) {
      writer.stopWriting();
      writer.client.destroy();
    }
    // The first process's clients go on editing offline for a moment, then fail over.
    await sleep(500);
    await Promise.all(stayingOnFirst.map((writer) => moveTo(writer, second, document)));
    await sleep(1000);
    keepers.forEach((writer) => writer.stopWriting());

    const required = new Set([...keepers.flatMap((writer) => writer.written), ...everyone.flatMap((writer) => [...writer.observed])]);
    const observedOfLost = lostWithFirst.flatMap((writer) => writer.written).filter((key) => everyone.some((other) => other.observed.has(key)));
    expect(observedOfLost.length).toBeGreaterThan(0);
    const final = await expectConvergence(keepers, required);

    // What a newcomer loads from the surviving process...
    const fresh = await connect(second, document);
    expect(missingFrom(keysOf(fresh.doc), required)).toEqual([]);
    expect(keysOf(fresh.doc)).toEqual(final);
    // ...and from a new process that knows only the database (no Redis: nothing to ask).
    const third = await start({ redis: false });
    const fromDatabase = await connect(third, document);
    const lost = missingFrom(keysOf(fromDatabase.doc), required);
    if (lost.length > 0) {
      const names = new Map(everyone.map((writer) => [writer.doc.clientID, writer.name]));
      throw new Error(`${lost.length} key(s) others had seen are not in the database (${lost.slice(0, 5).join(' ')}…); ${await storedGaps(document, names)}`);
    }
    // Everything the survivors show is stored. The database may hold more: an update of a
    // tab that died with the first process, stored just before the kill and never passed
    // on (updates are stored before they are broadcast), which no one else had seen.
    const stored = keysOf(fromDatabase.doc);
    expect(missingFrom(stored, final)).toEqual([]);
    const storedOnly = [...stored].filter((key) => !final.has(key));
    expect(storedOnly.filter((key) => !lostWithFirst.some((writer) => writer.written.includes(key)))).toEqual([]);
    await third.stop();
    await second.stop();
  });

  it('gives a client that fails over to another process its presence there', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const document = newDocumentName();
    const moving = await connect(first, document);
    const watcher = await connect(second, document);
    const cursorOf = (client: TestClient) => (watcher.provider.awareness.getStates().get(client.doc.clientID) as { cursor?: number } | undefined)?.cursor;
    moving.provider.awareness.setLocalStateField('cursor', 1);
    await waitFor(() => cursorOf(moving) === 1, 'the watcher sees the cursor through the bus');

    await first.kill();
    const moved = await reconnectClient(moving, second.url, document);
    clients.push(moved);
    moved.provider.awareness.setLocalStateField('cursor', 2);
    await waitFor(() => cursorOf(moved) === 2, 'the watcher sees the cursor move after the failover', 5_000);
    await second.stop();
  });

  it('does not let another process show an update that was not stored yet (state-vector fill) and then lose it', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    const document = newDocumentName();
    const writer = await participant('fw', first, document);
    const watcher = await participant('fo', second, document);
    writer.write();
    await expectConvergence([writer, watcher], new Set(writer.written));

    // Hold every insert into the update log: the first process cannot store its next update.
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const transaction = admin.begin(async (sql) => {
      await sql`lock table collab_updates in exclusive mode`;
      locked();
      await held;
    });
    try {
      await Promise.race([isLocked, transaction]);
      const unstored = writer.write();
      await sleep(200);
      // The second process asks for what it lacks (as on every reconnect to Redis and every 5 s).
      expect(await killRedisSubscriberOf(redisUrl!, second.child.pid!)).toBeGreaterThan(0);
      await sleep(1500);
      // The first process dies before it could store the update; its author's tab with it.
      await first.kill();
      writer.client.destroy();
      release();
      await transaction;

      const seenByWatcher = watcher.observed.has(unstored);
      const third = await start({ redis: false });
      const fromDatabase = await connect(third, document);
      // Whatever the watcher was shown must be in the database.
      if (seenByWatcher) expect(keysOf(fromDatabase.doc).has(unstored), `${unstored} was shown to a client of another process but never stored`).toBe(true);
      expect(keysOf(fromDatabase.doc)).toEqual(keysOf(watcher.doc));
      await third.stop();
      await second.stop();
    } finally {
      release();
      await transaction.catch(() => undefined);
      await admin.end();
    }
  });
});
