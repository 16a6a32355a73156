// Benchmark of the realtime collaboration server (npm run bench:collab), against the
// reference server of y-websocket 2.x (in memory, no auth) under the same load:
// DOCUMENTS documents × CLIENTS_PER_DOCUMENT clients, each writing its own key of a Y.Map
// WRITES_PER_SECOND times a second for LOAD_SECONDS, after WARM_UP_SECONDS of the same
// load on the same server process that are not measured. Every write carries its send time;
// every other client of the document records receive time − send time. Then 2,000 idle
// connections across 200 documents on our server alone, for its memory.
//
// Our server runs as a child process (server/collab/main.ts) with persistence: in a fresh
// PostgreSQL database when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server, else in
// embedded PGlite. The clients are real y-websocket providers, all in this process: on this
// 2-core machine they share the CPU with the server under test, equally for both servers.
// Each server runs BENCH_ROUNDS rounds (default 3), alternating which goes first; the table
// shows each server's middle round by p99, so one noisy round does not decide the ratio.
// Figures are for reading and comparing, never asserted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createFreshPostgresDatabase } from '../integration/support/databases';
import {
  freePort,
  newDocumentName,
  processUsage,
  watchMemory,
  removeFolder,
  spawnServer,
  startCollabProcess,
  tokenFor,
  type CollabProcess,
} from '../integration/collab/support';

const DOCUMENTS = 4;
const CLIENTS_PER_DOCUMENT = 25;
const WRITES_PER_SECOND = 2;
const LOAD_SECONDS = 10;
/** Load before the measured seconds, on the same server process: its code is compiled and its caches warm, as in a server that has been running. */
const WARM_UP_SECONDS = 2;
const IDLE_CONNECTIONS = 2000;
const IDLE_DOCUMENTS = 200;
const MAP = 'bench';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Target {
  label: string;
  pid: number;
  /** Base URL a provider appends the document name to. */
  url: string;
  /** Query parameters of one client's connection (a token for ours). */
  params(document: string): Promise<Record<string, string>>;
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  key: string;
}

async function connect(target: Target, document: string, key: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.url, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: await target.params(document),
    disableBc: true,
    maxBackoffTime: 1000,
  });
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`${target.label}: a client did not sync`)), 30_000);
    provider.once('sync', (isSynced: boolean) => {
      if (!isSynced) return;
      clearTimeout(timeout);
      resolve();
    });
  });
  return { doc, provider, key };
}

function disconnectAll(clients: Client[]): void {
  for (const { provider } of clients) {
    provider.destroy();
    provider.awareness.destroy();
  }
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
  cpuSeconds: number;
  peakRssMiB: number;
  /** The writers' final state per document, to compare with what the server kept. */
  finalStates: Map<string, unknown>;
}

async function runLoad(target: Target, seconds = LOAD_SECONDS): Promise<LoadResult> {
  const documents = Array.from({ length: DOCUMENTS }, () => newDocumentName());
  const clients: Client[][] = [];
  for (const document of documents) {
    clients.push(await Promise.all(Array.from({ length: CLIENTS_PER_DOCUMENT }, (_, index) => connect(target, document, `client-${index}`))));
  }
  await sleep(1000); // presence announcements settle

  const latencies: number[] = [];
  let delivered = 0;
  for (const group of clients) {
    for (const client of group) {
      const map = client.doc.getMap<{ n: number; t: number }>(MAP);
      const lastSeen = new Map<string, number>();
      map.observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          if (key === client.key) continue;
          const value = map.get(key);
          // Each write is a new sequence number; a write only overwritten counts as not delivered.
          if (!value || (lastSeen.get(key) ?? 0) >= value.n) continue;
          lastSeen.set(key, value.n);
          if (value.n <= warmUpWrites) continue;
          delivered += 1;
          latencies.push(now - value.t);
        }
      });
    }
  }

  const warmUpWrites = WRITES_PER_SECOND * WARM_UP_SECONDS;
  const writesPerClient = WRITES_PER_SECOND * seconds;
  const expected = DOCUMENTS * CLIENTS_PER_DOCUMENT * writesPerClient * (CLIENTS_PER_DOCUMENT - 1);
  const intervalMs = 1000 / WRITES_PER_SECOND;
  let cpuBefore = Number.NaN;
  let memory: ReturnType<typeof watchMemory> | undefined;
  const measuring = setTimeout(() => {
    cpuBefore = processUsage(target.pid).cpuSeconds;
    memory = watchMemory(target.pid);
  }, WARM_UP_SECONDS * 1000);

  // Every client writes on its own schedule, spread over the interval.
  await Promise.all(
    clients.flat().map(async (client) => {
      await sleep(Math.random() * intervalMs);
      const map = client.doc.getMap<{ n: number; t: number }>(MAP);
      const start = performance.now();
      for (let n = 1; n <= warmUpWrites + writesPerClient; n += 1) {
        map.set(client.key, { n, t: performance.now() });
        const next = start + n * intervalMs;
        await sleep(Math.max(0, next - performance.now()));
      }
    }),
  );
  // What is still in flight arrives now, or is counted as lost.
  const drainUntil = performance.now() + 10_000;
  while (delivered < expected && performance.now() < drainUntil) await sleep(50);
  clearTimeout(measuring);
  const cpuSeconds = processUsage(target.pid).cpuSeconds - cpuBefore;
  const peakRssMiB = memory?.stop() ?? Number.NaN;

  const finalStates = new Map(documents.map((document, index) => [document, clients[index]![0]!.doc.getMap(MAP).toJSON()]));
  disconnectAll(clients.flat());
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    delivered,
    expected,
    cpuSeconds,
    peakRssMiB,
    finalStates,
  };
}

/**
 * Our server keeps what it was sent: after a restart, each writer's last value is there.
 * Answers "kept/expected" over every writer of every document.
 */
async function valuesKept(start: () => Promise<CollabProcess>, finalStates: Map<string, unknown>): Promise<string> {
  const server = await start();
  try {
    const target = ours(server);
    let kept = 0;
    let expected = 0;
    for (const [document, state] of finalStates) {
      const client = await connect(target, document, 'checker');
      const reloaded = client.doc.getMap<{ n: number }>(MAP);
      for (const [key, value] of Object.entries(state as Record<string, { n: number }>)) {
        expected += 1;
        if (reloaded.get(key)?.n === value.n) kept += 1;
      }
      disconnectAll([client]);
    }
    return `${kept}/${expected}`;
  } finally {
    await server.stop();
  }
}

function ours(server: CollabProcess): Target {
  return {
    label: 'participa',
    pid: server.child.pid!,
    url: server.url,
    params: async (document) => ({ token: await tokenFor(document) }),
  };
}

/** The reference server of y-websocket 2.x: bin/server.cjs, in memory, no auth; the room is the URL path. */
async function startReference(): Promise<{ target: Target; stop(): Promise<void> }> {
  const port = await freePort();
  const { child, exited } = await spawnServer({
    label: 'reference server',
    args: ['node_modules/y-websocket-reference/bin/server.cjs'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    readyText: 'running at',
    timeoutMs: 15_000,
  });
  return {
    target: { label: 'y-websocket 2.x reference', pid: child.pid!, url: `ws://127.0.0.1:${port}`, params: async () => ({}) },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** 2,000 connections (real providers) spread over 200 documents, then left alone. */
async function idleConnections(server: CollabProcess): Promise<{ rssMiB: number; peakRssMiB: number; connectSeconds: number; connections: number }> {
  const target = ours(server);
  const documents = Array.from({ length: IDLE_DOCUMENTS }, () => newDocumentName());
  const clients: Client[] = [];
  const started = performance.now();
  for (let offset = 0; offset < IDLE_CONNECTIONS; offset += 100) {
    clients.push(
      ...(await Promise.all(
        Array.from({ length: 100 }, (_, index) => connect(target, documents[(offset + index) % IDLE_DOCUMENTS]!, `idle-${offset + index}`)),
      )),
    );
  }
  const connectSeconds = (performance.now() - started) / 1000;
  await sleep(5000); // settled: presence exchanged, garbage collected as it would be
  const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { connections: number };
  const usage = processUsage(target.pid);
  disconnectAll(clients);
  return { rssMiB: usage.rssMiB, peakRssMiB: usage.peakRssMiB, connectSeconds, connections: health.connections };
}

const ms = (value: number) => Number(value.toFixed(1));

/** The middle round by p99 (rounds alternate the servers' order, so both meet the same background noise). */
function medianRound(rounds: LoadResult[]): LoadResult {
  return [...rounds].sort((x, y) => x.p99 - y.p99)[Math.floor((rounds.length - 1) / 2)]!;
}

function row(server: string, rounds: LoadResult[]): Record<string, string | number> {
  const median = medianRound(rounds);
  const delivered = rounds.reduce((sum, round) => sum + round.delivered, 0);
  const expected = rounds.reduce((sum, round) => sum + round.expected, 0);
  return {
    server,
    'p50 ms': ms(median.p50),
    'p95 ms': ms(median.p95),
    'p99 ms': ms(median.p99),
    'max ms': ms(median.max),
    'delivered %': Number(((100 * delivered) / expected).toFixed(2)),
    delivered: `${delivered}/${expected}`,
    'CPU s': Number(median.cpuSeconds.toFixed(2)),
    'peak RSS MiB': Number(Math.max(...rounds.map((round) => round.peakRssMiB)).toFixed(1)),
  };
}

async function main(): Promise<void> {
  // Every provider listens for the process's exit; thousands of them are expected here.
  process.setMaxListeners(0);
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
  const postgresBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const database = postgresBase ? await createFreshPostgresDatabase(postgresBase) : null;
  const dataDir = database ? undefined : mkdtempSync(path.join(tmpdir(), 'participa-collab-bench-'));
  const persistence = database ? 'PostgreSQL' : 'PGlite';
  const startOurs = () => startCollabProcess(database ? { databaseUrl: database.url } : { dataDir });
  const oursRounds: LoadResult[] = [];
  const referenceRounds: LoadResult[] = [];
  let idle: Awaited<ReturnType<typeof idleConnections>> | undefined;
  let kept = '';
  try {
    console.error(
      `load: ${DOCUMENTS} documents × ${CLIENTS_PER_DOCUMENT} clients, ${WRITES_PER_SECOND} writes/s each, ${LOAD_SECONDS} s; ${rounds} round(s) per server`,
    );
    const runOurs = async () => {
      const server = await startOurs();
      try {
        oursRounds.push(await runLoad(ours(server)));
      } finally {
        await server.stop();
      }
    };
    const runReference = async () => {
      const reference = await startReference();
      try {
        referenceRounds.push(await runLoad(reference.target));
      } finally {
        await reference.stop();
      }
    };
    // Warm-up, not counted: this process's clients, the database's new tables and caches.
    const warmUp = await startOurs();
    try {
      await runLoad(ours(warmUp), 3);
    } finally {
      await warmUp.stop();
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const run of round % 2 === 0 ? [runOurs, runReference] : [runReference, runOurs]) await run();
    }
    kept = await valuesKept(startOurs, oursRounds[0]!.finalStates);

    console.error(`idle: ${IDLE_CONNECTIONS} connections across ${IDLE_DOCUMENTS} documents`);
    const idleServer = await startOurs();
    try {
      idle = await idleConnections(idleServer);
    } finally {
      await idleServer.stop();
    }
  } finally {
    await database?.drop();
    if (dataDir) removeFolder(dataDir);
  }
  if (!idle) throw new Error('the idle-connections scenario did not run');

  const oursRow = row(`participa (${persistence}, auth)`, oursRounds);
  const referenceRow = row('y-websocket 2.x reference (memory)', referenceRounds);
  const ratio = (column: string) => Number((Number(oursRow[column]) / Number(referenceRow[column])).toFixed(2));
  const rows = [
    oursRow,
    referenceRow,
    {
      server: 'ratio ours / reference',
      'p50 ms': ratio('p50 ms'),
      'p95 ms': ratio('p95 ms'),
      'p99 ms': ratio('p99 ms'),
      'max ms': ratio('max ms'),
      'CPU s': ratio('CPU s'),
      'peak RSS MiB': ratio('peak RSS MiB'),
    },
  ];
  console.table(rows);
  const p99s = (results: LoadResult[]) => results.map((result) => ms(result.p99)).join(', ');
  console.log(`latency and CPU: the median of ${rounds} round(s) by p99; p99 of every round: ours ${p99s(oursRounds)}; reference ${p99s(referenceRounds)}`);
  console.log(
    `targets: delivered 100% → ours ${oursRow['delivered %']}%, reference ${referenceRow['delivered %']}%; ` +
      `p99 ours/reference ≤ 2 → ${ratio('p99 ms')}; writers' last values found after a restart of ours: ${kept}`,
  );
  console.log(
    `idle: ${idle.connections} connections across ${IDLE_DOCUMENTS} documents on participa (${persistence}): RSS ${idle.rssMiB.toFixed(1)} MiB ` +
      `(peak ${idle.peakRssMiB.toFixed(1)} MiB; target < 600 MiB), connected in ${idle.connectSeconds.toFixed(1)} s`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
