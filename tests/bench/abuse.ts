// Benchmark of hostile public use (npm run bench:abuse, issue 13): what honest people
// notice while anonymous clients abuse the site, beside the same figures without the
// abuse, in one run against one production server process (server/index.ts,
// NODE_ENV=production, embedded PGlite in a fresh DATA_DIR seeded with the demo data:
// the demo initiative, its stakeholder map and the city-wide grievance channel).
//
// Honest load, all the time from the first second to the last:
//   health    GET /api/health as an open loop at HEALTH_RATE (20) requests a second: each
//             request is sent when it is due, whatever the previous ones did, and its
//             latency runs from when it was due to its last byte (a stalled server shows
//             as a queue, not as fewer samples);
//   editors   EDITORS (25) real y-websocket providers on the demo initiative's stakeholder
//             map, with edit tokens of 25 different user ids, each writing 1-2 small edits
//             a second (its own key of a Y.Map "abuse-bench", carrying the send time);
//             every other editor records receive time − send time.
//
// Phases, each BENCH_SECONDS (default 20) after BENCH_WARM_UP_SECONDS (10) not measured:
//   quiet                       the honest load alone;
//   attack, one address         the honest load, and: FILERS (20) anonymous clients each
//                               filing grievances in a loop on the city-wide channel, each
//                               filing with 5 attachments of 10 MiB (`%PDF-1.4\n`, then
//                               random bytes), posted as a browser without JavaScript posts
//                               the filing form (multipart/form-data with the server
//                               action's hidden fields read from the filing page, and an
//                               Origin header); and one client flooding a websocket to the
//                               map with junk (random bytes and malformed y-websocket
//                               messages) as fast as it can, reconnecting whenever it is
//                               closed, with a view token and an edit token in turn. Every
//                               attacker speaks from 127.0.0.1 like the honest clients, as
//                               everybody does behind a proxy without TRUST_PROXY: the
//                               per-address quotas are met at once;
//   attack, own addresses       the same, but each filer and the flooder claims an address
//                               of its own with X-Forwarded-For (the server runs with
//                               TRUST_PROXY=true; the honest clients send no such header
//                               and stay 127.0.0.1): 20 addresses each get their own
//                               per-address quota, so the global quota for anonymous
//                               uploads (lib/rate-limit/policies.ts) is what bounds growth;
//   quiet again                 the honest load alone: does the server come back?
// and first, after quiet, the floor:
//   floor: attack on a stand-in the one-address attack aimed at a stand-in process that
//                               answers every request and websocket upgrade with 429 at
//                               once, while Participa serves only the honest load: what
//                               the attack costs this machine (the attackers' processes,
//                               gigabytes over the loopback) whatever a server does. On two
//                               cores shared by all, that is the best a server could reach.
//   floor: refused at the door  the one-address attack again, sent from another site
//                               (Origin: https://attacker.example), so that Participa's
//                               first check refuses every filing and every websocket with
//                               403 before anything else: the least this traffic costs the
//                               server's own process, with no quota, store or parse involved.
// BENCH_ATTACKS (default stand-in,one-address,own-addresses) picks the attack phases
// (=none: none). Between phases the attackers are stopped (uploads in flight cut) and the
// server is given up to 30 s to become idle; the data folder is measured (du) before and
// after each attack: its growth includes the files of filings cut off at the end of the
// phase (kept if the filing was recorded, else swept later by the server's file
// maintenance), which the quotas counted all the same.
// For a short trial: BENCH_SECONDS, BENCH_EDITORS, BENCH_FILERS, BENCH_HEALTH_RATE,
// BENCH_ATTACHMENTS and BENCH_ATTACHMENT_MIB scale the load down. BENCH_SERVER_NODE_ARGS
// passes Node options to the server process alone (a CPU profile: "--cpu-prof
// --cpu-prof-dir=<folder>", written when the server stops).
//
// The attackers run in child processes of this script (one for the filers, one for the
// flooder), so their busy loops do not delay this process's measuring; all processes
// share the machine's cores with the server, as on any one-machine test. Uploads are
// streamed: each file is unique (its own random prefix and a random window of a 16 MiB
// random pool) without generating 50 MiB of random bytes per filing.
//
// Printed: health and edit latency per phase (p50/p99/max), the ratios under attack to
// quiet against the issue's targets (health p99 < 200 ms; map p99 at most 1.5× quiet),
// filings by outcome, the flood's fate, the data folder before and after each attack
// beside the bound the anonymous upload quotas allow, the server's CPU and peak RSS, and
// the log lines it wrote. Everything targets 127.0.0.1 only; the run stops by itself and
// removes its data folder. Builds into .next-abuse (BENCH_SKIP_BUILD=1 reuses it).
// Figures are for reading and comparing, never asserted.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable, type Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { eq, isNull } from 'drizzle-orm';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openDatabase } from '@/db';
import { grievanceChannels, initiatives } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { collabSigningKey, signCollabToken, type CollabAccess } from '@/lib/collab/token';
import { RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { buildApp, cleanUpsOnExit } from './support/run';
import { freePort, processUsage, removeFolder, spawnServer, watchMemory, type SpawnedServer } from '../integration/collab/support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Node options for the server process only, to look inside it (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"). */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 10);
const HEALTH_RATE = Number(process.env.BENCH_HEALTH_RATE ?? 20);
const EDITORS = Number(process.env.BENCH_EDITORS ?? 25);
const FILERS = Number(process.env.BENCH_FILERS ?? 20);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 5);
const ATTACHMENT_BYTES = Math.round(Number(process.env.BENCH_ATTACHMENT_MIB ?? 10) * 1024 * 1024);
const ATTACKS = (process.env.BENCH_ATTACKS ?? 'stand-in,at-the-door,one-address,own-addresses').split(',').map((name) => name.trim());
const DIST_DIR = '.next-abuse';
const DEMO_INITIATIVE_SLUG = 'plaza-mayor-redesign';
const EDIT_MAP = 'abuse-bench';
const SETTLE_TIMEOUT_MS = 30_000;
const MIB = 1024 * 1024;
const TARGET_HEALTH_P99_MS = 200;
const TARGET_MAP_P99_RATIO = 1.5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SCRIPT = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------
// What the parent tells an attacker process, and what it answers.

interface FilerConfig {
  base: string;
  postPath: string;
  hidden: Array<[string, string]>;
  filers: number;
  attachments: number;
  attachmentBytes: number;
  /** X-Forwarded-For of each filer, or none (they speak from 127.0.0.1). */
  addresses: string[] | null;
  /** The Origin header sent; another site's is refused by the server's first check. */
  origin: string;
  deadlineMs: number;
}

interface FloodConfig {
  collabUrl: string;
  /** Sent as the Origin header when set: another site's is refused at the upgrade. */
  origin?: string;
  document: string;
  authSecret: string;
  address: string | null;
  deadlineMs: number;
}

interface FilerResult {
  outcomes: Record<string, number>;
  /** Filings answered (any answer), and the upload bytes sent in all. */
  answered: number;
  uploadedMiB: number;
  answerMs: number[];
  cpuSeconds: number;
}

interface FloodResult {
  attempts: number;
  opened: number;
  refused: Record<string, number>;
  closeCodes: Record<string, number>;
  messages: number;
  sentMiB: number;
  cpuSeconds: number;
}

type ParentMessage = { type: 'stop' };
type ChildMessage = { type: 'ready' } | { type: 'result'; result: FilerResult | FloodResult };

/** Sends to the parent and waits until the message is out (the process exits next). */
const tell = (message: ChildMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Resolves when the parent says stop or the deadline passes (a parent that died stops nobody). */
function stopSignal(deadlineMs: number): { promise: Promise<void>; isStopped(): boolean } {
  let isStopped = false;
  const promise = new Promise<void>((resolve) => {
    const stop = () => {
      isStopped = true;
      resolve();
    };
    setTimeout(stop, deadlineMs).unref();
    process.on('message', (message) => (message as ParentMessage).type === 'stop' && stop());
    process.on('disconnect', stop);
  });
  return { promise, isStopped: () => isStopped };
}

// ---------------------------------------------------------------------------------
// Attacker 1: anonymous filers, each posting the filing form with big attachments in a loop.

const CRLF = Buffer.from('\r\n');
const PDF_HEADER = Buffer.from('%PDF-1.4\n');
const UNIQUE_PREFIX_BYTES = 32;
const POOL_BYTES = 16 * MIB;
const CHUNK_BYTES = 256 * 1024;

/** The filing form posted as multipart/form-data, streamed: its length, and its parts as a stream. */
function filingBody(config: FilerConfig, pool: Buffer, filing: number): { boundary: string; length: number; stream: Readable } {
  const boundary = `----participa-abuse-${randomBytes(8).toString('hex')}`;
  const field = (name: string, value: string) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${value}\r\n`);
  const fields = [
    ...config.hidden.map(([name, value]) => field(name, name === 'submissionKey' ? randomUUID() : value)),
    field('category', 'other'),
    field('description', `The noise from the works never stops (benchmark filing ${filing}).`),
  ];
  const fileHeaders = Array.from({ length: config.attachments }, (_, index) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="evidence-${filing}-${index + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
  );
  const end = Buffer.from(`--${boundary}--\r\n`);
  const restBytes = Math.max(0, config.attachmentBytes - PDF_HEADER.length - UNIQUE_PREFIX_BYTES);
  const length =
    fields.reduce((sum, part) => sum + part.length, 0) +
    fileHeaders.reduce((sum, part) => sum + part.length + PDF_HEADER.length + UNIQUE_PREFIX_BYTES + restBytes + CRLF.length, 0) +
    end.length;
  function* parts(): Generator<Buffer> {
    yield* fields;
    for (const header of fileHeaders) {
      yield header;
      yield PDF_HEADER;
      yield randomBytes(UNIQUE_PREFIX_BYTES);
      const offset = Math.floor(Math.random() * Math.max(1, pool.length - restBytes));
      for (let at = 0; at < restBytes; at += CHUNK_BYTES) yield pool.subarray(offset + at, offset + Math.min(restBytes, at + CHUNK_BYTES));
      yield CRLF;
    }
    yield end;
  }
  return { boundary, length, stream: Readable.from(parts()) };
}

/** What an answer to a filing means, from its status and (for a 200, the form shown again) its text. */
function filingOutcome(status: number, location: string | undefined, body: string): string {
  if (status === 303) return location?.includes('/grievances/filed') ? '303 filed' : `303 to ${location ?? '?'}`;
  if (status === 200) {
    if (body.includes('Too many attempts')) return '200 refused: rate limit';
    if (body.includes('larger than the site accepts')) return '200 refused: too large';
    if (body.includes('Something went wrong on our side')) return '200 internal error';
    if (body.includes('Please correct the marked fields')) return '200 refused: form';
    return '200 other';
  }
  if (status === 429) return `429${body.includes('Too many attempts') ? ' (with the sentence)' : ''}`;
  return String(status);
}

async function runFilers(config: FilerConfig): Promise<void> {
  const stop = stopSignal(config.deadlineMs);
  const pool = randomBytes(POOL_BYTES);
  const { hostname, port } = new URL(config.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.filers });
  const outcomes: Record<string, number> = {};
  const answerMs: number[] = [];
  const inFlight = new Set<http.ClientRequest>();
  let uploaded = 0;
  let filing = 0;
  const cpuBefore = process.cpuUsage();

  const fileOnce = (filer: number): Promise<string> =>
    new Promise((resolve) => {
      filing += 1;
      const started = performance.now();
      const { boundary, length, stream } = filingBody(config, pool, filing);
      let isDone = false;
      const finish = (outcome: string) => {
        if (isDone) return;
        isDone = true;
        inFlight.delete(request);
        stream.destroy();
        resolve(outcome);
      };
      const address = config.addresses?.[filer];
      const request = http.request(
        {
          agent,
          hostname,
          port,
          method: 'POST',
          path: config.postPath,
          headers: {
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': length,
            Origin: config.origin,
            Accept: 'text/html',
            ...(address ? { 'X-Forwarded-For': address } : {}),
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (body.length < 512 * 1024) body += chunk;
          });
          response.on('end', () => {
            answerMs.push(performance.now() - started);
            finish(filingOutcome(status, response.headers.location, body));
          });
          response.on('error', () => finish(stop.isStopped() ? 'cut at the end' : 'connection error'));
        },
      );
      inFlight.add(request);
      request.setTimeout(120_000, () => request.destroy(new Error('timeout')));
      request.on('error', (error: NodeJS.ErrnoException) => finish(stop.isStopped() ? 'cut at the end' : `connection error (${error.code ?? error.message})`));
      stream.on('data', (chunk: Buffer) => (uploaded += chunk.length));
      stream.pipe(request);
    });

  const loops = Array.from({ length: config.filers }, async (_, filer) => {
    while (!stop.isStopped()) {
      const outcome = await fileOnce(filer);
      tally(outcomes, outcome);
      // A refused connection must not turn into a busy loop.
      if (outcome.startsWith('connection error')) await sleep(100);
    }
  });
  await tell({ type: 'ready' });
  await stop.promise;
  for (const request of inFlight) request.destroy();
  await Promise.all(loops);
  agent.destroy();
  const cpu = process.cpuUsage(cpuBefore);
  const result: FilerResult = {
    outcomes,
    answered: answerMs.length,
    uploadedMiB: uploaded / MIB,
    answerMs,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  await tell({ type: 'result', result });
}

// ---------------------------------------------------------------------------------
// Attacker 2: one client flooding a websocket to the map with junk.

/** Varint of lib0's encoding (7 bits a byte, low first). */
function varint(value: number): number[] {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push(0x80 | (value & 0x7f));
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return bytes;
}

/** Random bytes, and y-websocket messages that are malformed in every way a decoder can meet. */
function junkMessages(): Array<Uint8Array | string> {
  const random = (bytes: number) => [...randomBytes(bytes)];
  const messages: Array<Uint8Array | string> = [];
  for (let index = 0; index < 64; index += 1) {
    const garbage = random(8 + Math.floor(Math.random() * 200));
    messages.push(
      Uint8Array.from(random(1 + Math.floor(Math.random() * 512))), // random bytes
      Uint8Array.of(0), // a sync message without its type
      Uint8Array.from([0, 9, ...garbage]), // an unknown sync message
      Uint8Array.from([0, 0, ...varint(garbage.length), ...garbage]), // step 1 with a garbage state vector
      Uint8Array.from([0, 1, ...varint(garbage.length), ...garbage]), // step 2 with a garbage update
      Uint8Array.from([0, 2, ...varint(garbage.length), ...garbage]), // an update of garbage
      Uint8Array.from([0, 2, ...varint(50_000_000), ...garbage]), // a length far past the message
      Uint8Array.from([1, ...varint(garbage.length), ...garbage]), // an awareness update of garbage
      Uint8Array.from([1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), // an endless varint
      Uint8Array.from([7, ...garbage]), // an unknown message type
      Uint8Array.of(3), // awareness query (valid, but spam)
      'not a binary frame',
    );
  }
  return messages;
}

async function runFlood(config: FloodConfig): Promise<void> {
  const stop = stopSignal(config.deadlineMs);
  const key = collabSigningKey(config.authSecret);
  // One attacker: an account that may view the map (an edit token is tried every other time).
  const userId = randomUUID();
  const junk = junkMessages();
  const result: FloodResult = { attempts: 0, opened: 0, refused: {}, closeCodes: {}, messages: 0, sentMiB: 0, cpuSeconds: 0 };
  let sentBytes = 0;
  let current: WebSocket | null = null;
  const cpuBefore = process.cpuUsage();
  void stop.promise.then(() => current?.terminate());

  const floodOnce = (access: CollabAccess, token: string): Promise<boolean> =>
    new Promise((resolve) => {
      const socket = new WebSocket(`${config.collabUrl}/${config.document}?token=${encodeURIComponent(token)}`, {
        headers: { ...(config.address ? { 'X-Forwarded-For': config.address } : {}), ...(config.origin ? { Origin: config.origin } : {}) },
      });
      current = socket;
      let isOpened = false;
      let next = Math.floor(Math.random() * junk.length);
      const pump = () => {
        if (socket.readyState !== WebSocket.OPEN || stop.isStopped()) return;
        // As fast as the socket takes it, yielding now and then so the close is seen.
        for (let sent = 0; sent < 500 && socket.bufferedAmount < 4 * MIB; sent += 1) {
          const message = junk[next % junk.length]!;
          next += 1;
          socket.send(message);
          result.messages += 1;
          sentBytes += typeof message === 'string' ? message.length : message.byteLength;
        }
        if (socket.bufferedAmount >= 4 * MIB) setTimeout(pump, 1);
        else setImmediate(pump);
      };
      socket.on('open', () => {
        isOpened = true;
        result.opened += 1;
        pump();
      });
      socket.on('unexpected-response', (_request, response) => {
        tally(result.refused, `${response.statusCode ?? '?'} (${access} token)`);
        response.resume();
        socket.terminate();
      });
      socket.on('error', () => undefined);
      socket.on('close', (code: number) => {
        if (isOpened) tally(result.closeCodes, `${code} (${access} token)`);
        resolve(isOpened);
      });
    });

  await tell({ type: 'ready' });
  for (let attempt = 0; !stop.isStopped(); attempt += 1) {
    const access: CollabAccess = attempt % 2 === 0 ? 'view' : 'edit';
    const token = await signCollabToken({ userId, name: 'Flooder', document: config.document, access }, key);
    result.attempts += 1;
    const wasOpened = await floodOnce(access, token);
    // Reconnect at once when closed; a refused upgrade is tried again after 100 ms, so the
    // flooder ignores Retry-After without turning into a busy loop of TCP connections.
    if (!wasOpened && !stop.isStopped()) await sleep(100);
  }
  const cpu = process.cpuUsage(cpuBefore);
  result.sentMiB = sentBytes / MIB;
  result.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await tell({ type: 'result', result });
}

// ---------------------------------------------------------------------------------
// The stand-in: for the floor phase, a process that refuses whatever comes at once and
// does nothing else. The same attack aimed at it costs the machine what it costs (the
// attackers' processes, the loopback traffic) while Participa only serves the honest
// load: the figures of that phase are the best any server could do on this machine.

interface StandInConfig {
  port: number;
  deadlineMs: number;
}

async function runStandIn(config: StandInConfig): Promise<void> {
  const stop = stopSignal(config.deadlineMs);
  const server = http.createServer((_request, response) => {
    response.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '3600', connection: 'close' }).end('Refused by the stand-in.');
  });
  // Websocket upgrades too: refused outright, so the flooder retries every 100 ms.
  server.on('upgrade', (_request, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3600\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(config.port, '127.0.0.1', resolve));
  await tell({ type: 'ready' });
  await stop.promise;
  server.closeAllConnections();
  await tell({ type: 'result', result: { outcomes: {}, answered: 0, uploadedMiB: 0, answerMs: [], cpuSeconds: 0 } });
}

// ---------------------------------------------------------------------------------
// The parent: server, honest load, phases, table.

/** An attacker process of this script; `stop` ends it and answers what it did. */
interface Attacker<Result> {
  child: ChildProcess;
  stop(): Promise<Result>;
}

async function startAttacker<Result>(role: 'filers' | 'flood' | 'stand-in', config: FilerConfig | FloodConfig | StandInConfig): Promise<Attacker<Result>> {
  const child = fork(SCRIPT, [role], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ABUSE_BENCH_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = new Promise<Result>((resolve, reject) => {
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.type === 'result') resolve(message.result as Result);
    });
    child.once('exit', (code) => reject(new Error(`the ${role} process exited with ${code} without a result`)));
  });
  result.catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    child.on('message', (raw) => (raw as ChildMessage).type === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`the ${role} process exited with ${code} before it was ready`)));
  });
  return {
    child,
    async stop() {
      if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
      const answer = await result;
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      return answer;
    },
  };
}

interface Phase {
  name: string;
  attack: 'stand-in' | 'at-the-door' | 'one-address' | 'own-addresses' | null;
  start: number;
  end: number;
  healthLatencies: number[];
  healthStatuses: Record<string, number>;
  editLatencies: number[];
  editsSent: number;
  editorDisconnects: number;
  cpuSeconds: number;
  peakRssMiB: number;
  logLines: number;
  logKiB: number;
  /** The most frequent kinds of log line (numbers and ids masked), with their counts. */
  commonLogLines: Array<[string, number]>;
  dataBefore?: FolderSizes;
  dataAfter?: FolderSizes;
  filers?: FilerResult;
  flood?: FloodResult;
  /** Upload bytes the quotas allowed from the phase's addresses (MiB), given what earlier phases used. */
  quotaBoundMiB?: number;
}

interface FolderSizes {
  totalMiB: number;
  filesMiB: number;
  databaseMiB: number;
}

/** Disk use of a folder in MiB (du -sk), 0 when it does not exist. */
function du(folder: string): number {
  if (!existsSync(folder)) return 0;
  const { stdout, status } = spawnSync('du', ['-sk', folder], { encoding: 'utf8' });
  if (status !== 0) return Number.NaN;
  return Number(stdout.split(/\s/)[0]) / 1024;
}

function dataSizes(dataDir: string): FolderSizes {
  return { totalMiB: du(dataDir), filesMiB: du(path.join(dataDir, 'files')), databaseMiB: du(path.join(dataDir, 'pglite')) };
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", '#x27': "'", '#39': "'" };
const decodeEntities = (text: string) => text.replace(/&(amp|quot|lt|gt|apos|#x27|#39);/g, (_, name: string) => ENTITIES[name]!);

/** The hidden fields of the filing form as React renders it for use without JavaScript (as tests/bench/http.ts reads the input form). */
function filingFormFields(html: string): { action: string; hidden: Array<[string, string]> } {
  const marker = html.indexOf('aria-labelledby="filing-form-heading"');
  const start = html.lastIndexOf('<form', marker);
  const end = html.indexOf('</form>', marker);
  if (marker < 0 || start < 0 || end < 0) throw new Error('the filing page has no filing form');
  const form = html.slice(start, end);
  const attributes = (tag: string) =>
    new Map([...tag.matchAll(/([^\s=/<>"]+)(?:="([^"]*)")?/g)].slice(1).map((match) => [match[1]!.toLowerCase(), decodeEntities(match[2] ?? '')]));
  const formTag = attributes(form.slice(0, form.indexOf('>')));
  const hidden: Array<[string, string]> = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const input = attributes(tag);
    if (input.get('type') === 'hidden' && input.has('name')) hidden.push([input.get('name')!, input.get('value') ?? '']);
  }
  return { action: formTag.get('action') ?? '', hidden };
}

/** The five most frequent lines of a log, once ids and numbers are masked, so kinds of line can be counted. */
function commonLines(log: string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const line of log.split('\n')) {
    if (!line.trim()) continue;
    const kind = line
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .replace(/\d+(\.\d+)?/g, '<n>')
      .slice(0, 160);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort(([, x], [, y]) => y - x).slice(0, 5);
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const ms = (value: number) => Number(value.toFixed(1));
const mib = (value: number | undefined) => (value === undefined ? '' : Number(value.toFixed(1)));
const summary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, x], [, y]) => y - x)
    .map(([name, count]) => `${name}×${count}`)
    .join(', ');

/** The demo initiative and the city-wide channel, seeded before the server opens the folder (PGlite serves one process). */
async function seed(dataDir: string): Promise<{ initiativeId: string; channelId: string }> {
  const handle = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    await seedDemoData(handle.db);
    const [initiative] = await handle.db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.slug, DEMO_INITIATIVE_SLUG));
    const [channel] = await handle.db.select({ id: grievanceChannels.id }).from(grievanceChannels).where(isNull(grievanceChannels.initiativeId));
    if (!initiative || !channel) throw new Error('the demo data has no initiative or no city-wide grievance channel');
    return { initiativeId: initiative.id, channelId: channel.id };
  } finally {
    await handle.close();
  }
}

/** Waits until the server uses less than half a core for a second (the honest load goes on), or the timeout. */
async function settle(pid: number): Promise<number> {
  const started = performance.now();
  await sleep(2000);
  let before = processUsage(pid).cpuSeconds;
  while (performance.now() - started < SETTLE_TIMEOUT_MS) {
    await sleep(1000);
    const now = processUsage(pid).cpuSeconds;
    if (now - before < 0.5) break;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

interface Editor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  key: string;
}

async function main(): Promise<void> {
  // Every provider listens for the process's exit.
  process.setMaxListeners(0);
  buildApp(DIST_DIR);
  const cleanUps = cleanUpsOnExit();
  let server: SpawnedServer | undefined;

  try {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'participa-abuse-bench-'));
    cleanUps.push(() => removeFolder(dataDir));
    const seeded = await seed(dataDir);
    const document = stakeholderMapDocumentName(seeded.initiativeId);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const collabUrl = `ws://127.0.0.1:${port}/collab`;
    const authSecret = randomBytes(32).toString('base64');
    const signingKey = collabSigningKey(authSecret);
    const { DATABASE_URL: _database, REDIS_URL: _redis, AUTH_SECRET: _secret, NEXTAUTH_SECRET: _nextSecret, DATA_DIR: _dataDir, FILES_DIR: _files, ...inherited } = process.env;
    console.error(`server: embedded PGlite in ${dataDir}, port ${port}`);
    server = await spawnServer({
      label: 'production server',
      args: [...SERVER_NODE_ARGS, '--import', 'tsx', 'server/index.ts'],
      env: {
        ...inherited,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: DIST_DIR,
        PORT: String(port),
        BIND_ADDRESS: '127.0.0.1',
        SEED_DEMO: 'true',
        NEXTAUTH_URL: base,
        AUTH_SECRET: authSecret,
        TIME_ZONE: 'UTC',
        DATA_DIR: dataDir,
        // Only the attackers of the "own addresses" phase send X-Forwarded-For.
        TRUST_PROXY: 'true',
      },
      readyText: 'ready on http',
      timeoutMs: 180_000,
    });
    const running = server;
    const pid = running.child.pid!;
    cleanUps.push(async () => {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGTERM');
        await running.exited;
      }
    });

    // The filing form, as a browser without JavaScript gets it.
    const filingPath = `/grievances/channels/${seeded.channelId}/file`;
    const filingPage = await fetch(`${base}${filingPath}`);
    if (filingPage.status !== 200) throw new Error(`GET ${filingPath} answered ${filingPage.status}`);
    const form = filingFormFields(await filingPage.text());
    if (!form.hidden.some(([name]) => name.startsWith('$ACTION'))) throw new Error('the filing form carries no server action fields');
    const postPath = form.action.startsWith('/') ? form.action : filingPath;
    console.error(`filing form: hidden ${form.hidden.map(([name]) => name).join(', ')}`);

    // Phases: samples belong to the phase whose window holds their send (or due) time.
    const phases: Phase[] = [];
    const phaseAt = (time: number) => phases.find((phase) => time >= phase.start && time < phase.end);
    let isRunning = true;

    // The editors.
    const editors: Editor[] = [];
    cleanUps.push(() => {
      for (const { provider, doc } of editors) {
        provider.awareness.destroy();
        provider.destroy();
        doc.destroy();
      }
    });
    const editToken = (index: number, userId: string) => signCollabToken({ userId, name: `Editor ${index + 1}`, document, access: 'edit' }, signingKey);
    const editorIds = Array.from({ length: EDITORS }, () => randomUUID());
    /** Close codes of the editors' connections (a refused upgrade shows as 1006), for a failure to sync. */
    const connectCloses: Record<string, number> = {};
    let syncedEditors = 0;
    for (const [index, userId] of editorIds.entries()) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(collabUrl, document, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { token: await editToken(index, userId) },
        disableBc: true,
        maxBackoffTime: 1000,
      });
      editors.push({ doc, provider, key: `editor-${index}` });
      provider.on('connection-close', (event: { code: number } | null) => tally(connectCloses, String(event?.code ?? 'closed by the client')));
      provider.on('status', ({ status }: { status: string }) => {
        const phase = phaseAt(performance.now());
        if (status === 'disconnected' && phase) phase.editorDisconnects += 1;
      });
    }
    const syncing = Promise.all(
      editors.map(
        ({ provider }) =>
          new Promise<void>((resolve, reject) => {
            const timeout = setTimeout(
              () => reject(new Error(`only ${syncedEditors} of ${EDITORS} editors synced in 2 minutes; their connections closed with ${summary(connectCloses) || 'nothing'}`)),
              120_000,
            );
            const onSync = (isSynced: boolean) => {
              if (!isSynced) return;
              syncedEditors += 1;
              clearTimeout(timeout);
              provider.off('sync', onSync);
              resolve();
            };
            // An editor created early may have synced while later ones were being created.
            if (provider.synced) onSync(true);
            else provider.on('sync', onSync);
          }),
      ),
    );
    await syncing.catch(async (error: unknown) => {
      // Is the whole server stuck, or only the realtime side?
      const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
        (response) => `answered ${response.status}`,
        (failure: unknown) => `failed (${failure instanceof Error ? failure.message : String(failure)})`,
      );
      const unsynced = editors.filter(({ provider }) => !provider.synced);
      const connected = unsynced.filter(({ provider }) => provider.wsconnected).length;
      const silentSeconds = unsynced.map(({ provider }) => Math.round((Date.now() - provider.wsLastMessageReceived) / 1000));
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; of the ${unsynced.length} others ${connected} are connected, ` +
          `seconds since each last heard from the server: ${silentSeconds.join(', ')}; /api/health meanwhile ${health}`,
      );
    });
    // Tokens live 5 minutes: a fresh one is ready for each reconnection, as in the browser.
    const refresh = setInterval(() => {
      editorIds.forEach((userId, index) => void editToken(index, userId).then((token) => (editors[index]!.provider.params = { token })));
    }, 60_000);
    cleanUps.push(() => clearInterval(refresh));
    for (const editor of editors) {
      const map = editor.doc.getMap<{ n: number; t: number }>(EDIT_MAP);
      const lastSeen = new Map<string, number>();
      map.observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          if (key === editor.key) continue;
          const value = map.get(key);
          if (!value || (lastSeen.get(key) ?? 0) >= value.n) continue;
          lastSeen.set(key, value.n);
          phaseAt(value.t)?.editLatencies.push(now - value.t);
        }
      });
    }
    await sleep(1000); // presence announcements settle
    console.error(`${EDITORS} editors synced on ${document}${Object.keys(connectCloses).length > 0 ? `; connections closed on the way: ${summary(connectCloses)}` : ''}`);

    // The honest load runs from here to the end.
    const writers = editors.map(async (editor) => {
      const map = editor.doc.getMap<{ n: number; t: number }>(EDIT_MAP);
      await sleep(Math.random() * 1000);
      for (let n = 1; isRunning; n += 1) {
        const t = performance.now();
        map.set(editor.key, { n, t });
        const phase = phaseAt(t);
        if (phase) phase.editsSent += 1;
        await sleep(500 + Math.random() * 500);
      }
    });
    // A connection per probe, as a load balancer's health check opens one: a kept-alive
    // socket the server closes as idle would fail a probe for a reason of the client's own.
    const healthAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const healthInFlight = new Set<Promise<void>>();
    const probe = (dueAt: number) =>
      new Promise<void>((resolve) => {
        const phase = phaseAt(dueAt);
        const request = http.get({ agent: healthAgent, hostname: '127.0.0.1', port, path: '/api/health' }, (response) => {
          response.resume();
          response.on('end', () => {
            if (phase) {
              phase.healthLatencies.push(performance.now() - dueAt);
              tally(phase.healthStatuses, String(response.statusCode ?? 0));
            }
            resolve();
          });
        });
        request.setTimeout(30_000, () => request.destroy(new Error('timeout')));
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (phase) tally(phase.healthStatuses, `error ${error.code ?? error.message}`);
          resolve();
        });
      });
    const healthLoop = (async () => {
      const start = performance.now();
      for (let index = 0; isRunning; index += 1) {
        const dueAt = start + (index * 1000) / HEALTH_RATE;
        const wait = dueAt - performance.now();
        if (wait > 1) await sleep(wait);
        const pending = probe(dueAt);
        healthInFlight.add(pending);
        void pending.then(() => healthInFlight.delete(pending));
      }
    })();

    console.error(`warm-up: ${WARM_UP_SECONDS} s of the honest load`);
    await sleep(WARM_UP_SECONDS * 1000);

    const plan: Array<Pick<Phase, 'name' | 'attack'>> = [
      { name: 'quiet', attack: null },
      ...(ATTACKS.includes('stand-in') ? [{ name: 'floor: attack on a stand-in', attack: 'stand-in' as const }] : []),
      ...(ATTACKS.includes('at-the-door') ? [{ name: 'floor: refused at the door', attack: 'at-the-door' as const }] : []),
      ...(ATTACKS.includes('one-address') ? [{ name: 'attack, one address', attack: 'one-address' as const }] : []),
      ...(ATTACKS.includes('own-addresses') ? [{ name: 'attack, own addresses', attack: 'own-addresses' as const }] : []),
      { name: 'quiet again', attack: null },
    ];
    // What the anonymous upload quotas let through, per address and for everyone together.
    const perAddressMiB = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress.points / 1024;
    let globalLeftMiB = RATE_LIMIT_POLICIES.anonymousUploadKiBTotal.points / 1024;
    const filingMiB = (ATTACHMENTS * ATTACHMENT_BYTES) / MIB;
    let addressesUsed = new Set<string>();

    for (const step of plan) {
      const phase: Phase = {
        ...step,
        start: Number.POSITIVE_INFINITY,
        end: Number.POSITIVE_INFINITY,
        healthLatencies: [],
        healthStatuses: {},
        editLatencies: [],
        editsSent: 0,
        editorDisconnects: 0,
        cpuSeconds: 0,
        peakRssMiB: 0,
        logLines: 0,
        logKiB: 0,
        commonLogLines: [],
      };
      phases.push(phase);
      let filers: Attacker<FilerResult> | undefined;
      let flood: Attacker<FloodResult> | undefined;
      let standIn: Attacker<FilerResult> | undefined;
      if (phase.attack === 'stand-in') {
        // The one-address attack, aimed at a process that refuses everything at once.
        const standInPort = await freePort();
        const standInBase = `http://127.0.0.1:${standInPort}`;
        const deadlineMs = (SECONDS + 60) * 1000;
        standIn = await startAttacker<FilerResult>('stand-in', { port: standInPort, deadlineMs });
        [filers, flood] = await Promise.all([
          startAttacker<FilerResult>('filers', { base: standInBase, postPath, hidden: form.hidden, filers: FILERS, attachments: ATTACHMENTS, attachmentBytes: ATTACHMENT_BYTES, addresses: null, origin: standInBase, deadlineMs }),
          startAttacker<FloodResult>('flood', { collabUrl: `ws://127.0.0.1:${standInPort}/collab`, document, authSecret, address: null, deadlineMs }),
        ]);
        cleanUps.push(() => {
          filers?.child.kill('SIGKILL');
          flood?.child.kill('SIGKILL');
          standIn?.child.kill('SIGKILL');
        });
      } else if (phase.attack === 'at-the-door') {
        // The one-address attack from another site's page: Participa's first check refuses
        // every filing (403) and every socket (403 at the upgrade) before anything else.
        const deadlineMs = (SECONDS + 60) * 1000;
        const origin = 'https://attacker.example';
        [filers, flood] = await Promise.all([
          startAttacker<FilerResult>('filers', { base, postPath, hidden: form.hidden, filers: FILERS, attachments: ATTACHMENTS, attachmentBytes: ATTACHMENT_BYTES, addresses: null, origin, deadlineMs }),
          startAttacker<FloodResult>('flood', { collabUrl, document, authSecret, address: null, origin, deadlineMs }),
        ]);
        cleanUps.push(() => {
          filers?.child.kill('SIGKILL');
          flood?.child.kill('SIGKILL');
        });
      } else if (phase.attack) {
        phase.dataBefore = dataSizes(dataDir);
        const isSpread = phase.attack === 'own-addresses';
        const addresses = isSpread ? Array.from({ length: FILERS }, (_, index) => `198.51.100.${index + 1}`) : null;
        const floodAddress = isSpread ? '203.0.113.7' : null;
        // Per address, whole filings fit within the quota; all together, within what is left of the global one.
        const phaseAddresses = addresses ?? ['127.0.0.1'];
        const fresh = phaseAddresses.filter((address) => !addressesUsed.has(address));
        const perAddressFilings = Math.min(Math.floor(perAddressMiB / filingMiB), RATE_LIMIT_POLICIES.grievanceFiling.points);
        const boundMiB = Math.min(fresh.length * perAddressFilings * filingMiB, Math.floor(globalLeftMiB / filingMiB) * filingMiB);
        phase.quotaBoundMiB = boundMiB;
        addressesUsed = new Set([...addressesUsed, ...phaseAddresses]);
        const deadlineMs = (SECONDS + 60) * 1000;
        [filers, flood] = await Promise.all([
          startAttacker<FilerResult>('filers', { base, postPath, hidden: form.hidden, filers: FILERS, attachments: ATTACHMENTS, attachmentBytes: ATTACHMENT_BYTES, addresses, origin: base, deadlineMs }),
          startAttacker<FloodResult>('flood', { collabUrl, document, authSecret, address: floodAddress, deadlineMs }),
        ]);
        cleanUps.push(() => {
          filers?.child.kill('SIGKILL');
          flood?.child.kill('SIGKILL');
        });
      }
      console.error(`${phase.name}: ${SECONDS} s`);
      const logStart = running.output().length;
      const cpuBefore = processUsage(pid).cpuSeconds;
      const memory = watchMemory(pid);
      phase.start = performance.now();
      phase.end = phase.start + SECONDS * 1000;
      await sleep(SECONDS * 1000);
      if (filers && flood) [phase.filers, phase.flood] = await Promise.all([filers.stop(), flood.stop()]);
      await standIn?.stop();
      phase.cpuSeconds = processUsage(pid).cpuSeconds - cpuBefore;
      const settledIn = await settle(pid);
      phase.peakRssMiB = memory.stop();
      const log = running.output().slice(logStart);
      phase.logLines = log.split('\n').length - 1;
      phase.commonLogLines = commonLines(log);
      phase.logKiB = Buffer.byteLength(log) / 1024;
      if (phase.attack === 'one-address' || phase.attack === 'own-addresses') {
        phase.dataAfter = dataSizes(dataDir);
        // The global quota counts the bytes it let through, filed or cut off later: the files stored tell.
        globalLeftMiB = Math.max(0, globalLeftMiB - (phase.dataAfter.filesMiB - (phase.dataBefore?.filesMiB ?? 0)));
        console.error(`${phase.name}: ${summary(phase.filers?.outcomes ?? {})}; server settled in ${settledIn.toFixed(0)} s`);
      }
    }

    isRunning = false;
    await Promise.all([healthLoop, ...writers]);
    await Promise.all(healthInFlight);
    healthAgent.destroy();
    const { peakRssMiB } = processUsage(pid);

    // ------------------------------------------------------------------------------
    const quiet = phases[0]!;
    const quietEditP99 = percentile(quiet.editLatencies.sort((a, b) => a - b), 0.99);
    const others = EDITORS - 1;
    console.table(
      phases.map((phase) => {
        const health = phase.healthLatencies.sort((a, b) => a - b);
        const edits = phase.editLatencies.sort((a, b) => a - b);
        const healthP99 = percentile(health, 0.99);
        const editP99 = percentile(edits, 0.99);
        return {
          phase: phase.name,
          'health n': health.length,
          'health p50 ms': ms(percentile(health, 0.5)),
          'health p99 ms': ms(healthP99),
          'health max ms': ms(health.at(-1) ?? Number.NaN),
          'health answers': summary(phase.healthStatuses),
          'edit p50 ms': ms(percentile(edits, 0.5)),
          'edit p99 ms': ms(editP99),
          'edit max ms': ms(edits.at(-1) ?? Number.NaN),
          'edits delivered %': Number(((100 * edits.length) / Math.max(1, phase.editsSent * others)).toFixed(1)),
          'editor drops': phase.editorDisconnects,
          'edit p99 / quiet': phase === quiet ? '' : Number((editP99 / quietEditP99).toFixed(2)),
          'server CPU %': Number(((100 * phase.cpuSeconds) / SECONDS).toFixed(0)),
          'peak RSS MiB': Number(phase.peakRssMiB.toFixed(0)),
          'log lines': phase.logLines,
          'log KiB': Number(phase.logKiB.toFixed(1)),
        };
      }),
    );

    const attacks = phases.filter((phase) => phase.attack);
    if (attacks.length > 0) {
      console.table(
        attacks.map((phase) => ({
          phase: phase.name,
          'filings answered': phase.filers?.answered ?? 0,
          'by outcome': summary(phase.filers?.outcomes ?? {}),
          'answer p50 s': ms(percentile((phase.filers?.answerMs ?? []).sort((a, b) => a - b), 0.5) / 1000),
          'uploaded MiB': mib(phase.filers?.uploadedMiB),
          'data before MiB': mib(phase.dataBefore?.totalMiB),
          'data after MiB': mib(phase.dataAfter?.totalMiB),
          'growth MiB': mib((phase.dataAfter?.totalMiB ?? 0) - (phase.dataBefore?.totalMiB ?? 0)),
          'of it files MiB': mib((phase.dataAfter?.filesMiB ?? 0) - (phase.dataBefore?.filesMiB ?? 0)),
          'of it database MiB': mib((phase.dataAfter?.databaseMiB ?? 0) - (phase.dataBefore?.databaseMiB ?? 0)),
          'quota bound MiB': mib(phase.quotaBoundMiB),
        })),
      );
      console.table(
        attacks.map((phase) => ({
          phase: phase.name,
          'socket attempts': phase.flood?.attempts ?? 0,
          opened: phase.flood?.opened ?? 0,
          'upgrades refused': summary(phase.flood?.refused ?? {}),
          'closed with': summary(phase.flood?.closeCodes ?? {}),
          'junk messages': phase.flood?.messages ?? 0,
          'junk MiB': mib(phase.flood?.sentMiB),
          'attacker CPU s (filers + flood)': Number(((phase.filers?.cpuSeconds ?? 0) + (phase.flood?.cpuSeconds ?? 0)).toFixed(1)),
        })),
      );
    }

    console.log(
      `${SECONDS} s per phase after ${WARM_UP_SECONDS} s of warm-up; health: GET /api/health as an open loop at ${HEALTH_RATE}/s, latency from when each request was due; ` +
        `edits: ${EDITORS} editors on ${document}, 1-2 edits a second each, latency to each of the ${others} others. ` +
        `Attack: ${FILERS} anonymous filers × ${ATTACHMENTS} attachments of ${(ATTACHMENT_BYTES / MIB).toFixed(1)} MiB, and one junk flooder on the map. ` +
        `Server CPU % is of one core; the server's peak RSS over the whole run ${peakRssMiB.toFixed(0)} MiB. Log lines: written from the phase's start until it settled.`,
    );
    for (const phase of phases) {
      if (phase.commonLogLines.length === 0) continue;
      console.log(`log of ${phase.name} (most frequent kinds of line):`);
      for (const [line, count] of phase.commonLogLines) console.log(`  ${String(count).padStart(6)}× ${line}`);
    }
    // Every phase's latencies were sorted for the first table.
    const floorLines = {
      'stand-in': 'the one-address attack aimed at a process that refuses everything at once, Participa serving only the honest load: what the attack costs this machine whatever the server does',
      'at-the-door': 'the one-address attack sent from another site, refused by Participa’s first check (403, filings and sockets alike): what the attack costs the server’s process at the least',
    } as const;
    for (const floor of phases.filter((phase) => phase.attack === 'stand-in' || phase.attack === 'at-the-door')) {
      const editP99 = percentile(floor.editLatencies, 0.99);
      console.log(
        `${floor.name}: ${floorLines[floor.attack as keyof typeof floorLines]}. ` +
          `Health p99 ${ms(percentile(floor.healthLatencies, 0.99))} ms; map edit p99 ${ms(editP99)} ms = ${(editP99 / quietEditP99).toFixed(2)}× quiet.`,
      );
    }
    const doorFloor = phases.find((phase) => phase.attack === 'at-the-door');
    const floorEditP99 = doorFloor ? percentile(doorFloor.editLatencies, 0.99) : Number.NaN;
    for (const phase of attacks.filter((attack) => attack.attack === 'one-address' || attack.attack === 'own-addresses')) {
      const health = percentile(phase.healthLatencies, 0.99);
      const ratio = percentile(phase.editLatencies, 0.99) / quietEditP99;
      const growth = (phase.dataAfter?.totalMiB ?? 0) - (phase.dataBefore?.totalMiB ?? 0);
      console.log(
        `${phase.name}: health p99 ${ms(health)} ms (target < ${TARGET_HEALTH_P99_MS} ms: ${health < TARGET_HEALTH_P99_MS ? 'met' : 'missed'}); ` +
          `map edit p99 ${ms(percentile(phase.editLatencies, 0.99))} ms = ${ratio.toFixed(2)}× quiet ${ms(quietEditP99)} ms (target ≤ ${TARGET_MAP_P99_RATIO}×: ${ratio <= TARGET_MAP_P99_RATIO ? 'met' : 'missed'}); ` +
          `data folder +${growth.toFixed(1)} MiB, quotas allow ${mib(phase.quotaBoundMiB)} MiB of attachments from ${phase.attack === 'own-addresses' ? `${FILERS} addresses` : 'one address'} ` +
          `(${perAddressMiB} MiB an hour per address, ${RATE_LIMIT_POLICIES.anonymousUploadKiBTotal.points / 1024} MiB a day for everyone)` +
          (doorFloor ? `; edit p99 ${(percentile(phase.editLatencies, 0.99) / floorEditP99).toFixed(2)}× that of the attack refused at the door.` : '.'),
      );
    }
  } catch (error) {
    if (server) console.error(`server output (last 4,000 characters):\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await cleanUps.run();
  }
}

const role = process.argv[2];
const attackerConfig = process.env.ABUSE_BENCH_CONFIG;
const run =
  role === 'filers' && attackerConfig
    ? runFilers(JSON.parse(attackerConfig) as FilerConfig)
    : role === 'flood' && attackerConfig
      ? runFlood(JSON.parse(attackerConfig) as FloodConfig)
      : role === 'stand-in' && attackerConfig
        ? runStandIn(JSON.parse(attackerConfig) as StandInConfig)
        : main();
run.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
