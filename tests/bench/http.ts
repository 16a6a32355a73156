// HTTP benchmark of the production server (npm run bench:http), with autocannon: each
// scenario keeps CONNECTIONS (100) connections busy and measures BENCH_SECONDS (default 10)
// of responses after BENCH_WARM_UP_SECONDS (default 3) of the same load on the same server
// process that are not measured. A connection's first answer is never measured: under
// saturation a new connection's first request waits behind the connections already being
// served, for seconds at 100 connections. That says how new visitors fare in an overload,
// not how fast the steady state is; the table shows it apart, as the slowest first
// answer. Every connection sends its next request as soon as the previous answer
// arrives (a closed loop), so once the server is saturated a latency is mostly queueing:
// p50 ≈ connections ÷ requests per second. After each run the benchmark waits until the
// server is idle again: requests autocannon abandoned when it stopped are still being
// served and would weigh on the next run. Then each scenario runs again over 100
// connections as an open loop (runPaced): requests due at an even rate of half the
// requests per second its closed loop sustained, whatever the answers do — the latency
// people would see at a load the server carries, not the queue of an overload. Last, each scenario runs at 1 connection for
// BENCH_SECONDS / 2: its service time, the cost of one request alone.
//
// Scenarios, against one server process:
//   floor              GET /api/ping: an empty route handler of the same app (no database),
//                      what Next.js and the custom server cost per request at the least;
//   page               GET /consultations/<id>?page=<1..250, at random>, anonymous: the
//                      consultation page of a consultation with 5,000 inputs, 20 a page;
//   page (signed in)   the same with a resident's session cookie: the page then also
//                      renders the input form and support, report and reply forms;
//   submission         the input form posted as a browser without JavaScript posts it
//                      (multipart/form-data with the server action's hidden fields, read
//                      from the page, plus the session cookie and the Origin header), a new
//                      submission key each time, so every post creates an input; success
//                      is the action's 303 to ?submitted=<number>.
//
// Set-up: `npm run build` first (BENCH_SKIP_BUILD=1 uses the existing .next; building
// replaces .next, so do not run this while another server serves from this folder). The
// data is written through the app's own domain functions (registerUser, the integration
// tests' consultation fixture) plus bulk inserts of inputs, replies and supports, into a
// fresh embedded PGlite folder (closed again before the server opens it: PGlite serves one
// process), or into a fresh PostgreSQL database when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a server. The resident signs in over HTTP with next-auth's
// credentials flow. After the run the database must hold an input for every number the
// 303s named; posts still in flight when a run ended may have added more.
//
// autocannon runs in this process and shares the 2 cores with the server under test.
// Figures are for reading and comparing, never asserted.
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type Db } from '@/db';
import { inputs, inputSupports } from '@/db/schema';
import { registerUser } from '@/lib/accounts/register-user';
import { INPUT_KINDS } from '@/lib/inputs/vocabulary';
import { buildApp, cleanUpsOnExit } from './support/run';
import { freePort, processUsage, removeFolder, spawnServer, type SpawnedServer, watchMemory } from '../integration/collab/support';
import { createTestConsultation } from '../integration/support/consultations';
import { createFreshPostgresDatabase } from '../integration/support/databases';

const CONNECTIONS = 100;
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const SERVICE_TIME_SECONDS = Math.max(1, Math.round(MEASURE_SECONDS / 2));
const INPUT_COUNT = 5000;
const PAGE_SIZE = 20; // lib/inputs/queries.ts listConsultationInputs' default
const PAGE_COUNT = INPUT_COUNT / PAGE_SIZE;
const REPLY_COUNT = 1000;
const AUTHOR_COUNT = 20;
const MAX_SUPPORTS_PER_INPUT = 4;
const PASSWORD = 'benchmark password 1234';
const TARGETS_MS: Record<string, number> = { page: 300, 'page (signed in)': 300, submission: 100 };
/** The paced runs offer this share of the requests per second the closed loop sustained. */
const PACED_SHARE = 0.5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const HOUR_MS = 60 * 60 * 1000;

interface Seeded {
  consultationId: string;
  resident: { email: string };
}

// ---------------------------------------------------------------------------------
// Data

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

const SENTENCES = [
  'The square needs more shade in summer, especially around the benches near the fountain.',
  'Cyclists and pedestrians share the north side, which feels unsafe during the morning rush.',
  'Please keep the weekly market: it is the reason many of us come to the square at all.',
  'Lighting after dark is poor between the library and the bus stop.',
  'A drinking fountain and public toilets would help families and older residents stay longer.',
  'Delivery vans park on the pavement every morning and block the way for wheelchairs and prams.',
  'The plan should say how trees will be watered during the dry months.',
  'Small children need a fenced play area away from the road.',
];

function bodyText(sentences: number): string {
  return Array.from({ length: sentences }, () => pick(SENTENCES)).join(' ');
}

/** Rows in chunks, so no statement exceeds the parameter limit. */
async function insertInChunks<Row>(rows: Row[], size: number, insert: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  for (let offset = 0; offset < rows.length; offset += size) await insert(rows.slice(offset, offset + size));
}

/**
 * An open consultation (published background document, post-moderation) with
 * INPUT_COUNT published inputs by AUTHOR_COUNT residents over its two open days, some
 * replies and supports; and the resident who signs in.
 */
async function seed(db: Db): Promise<Seeded> {
  const stamp = randomBytes(4).toString('hex');
  const register = (label: string, index: number) =>
    registerUser(db, { name: `Bench ${label} ${index}`, email: `bench-${label}-${index}-${stamp}@example.org`, password: PASSWORD });
  const [resident, ...authors] = await Promise.all([register('resident', 0), ...Array.from({ length: AUTHOR_COUNT }, (_, index) => register('author', index))]);
  const consultation = await createTestConsultation(db, { status: 'open', moderationMode: 'post' });

  // Opened two days ago (see createTestConsultation): the inputs came in since.
  const now = Date.now();
  const createdAt = (index: number) => new Date(now - 47 * HOUR_MS + (index * 46 * HOUR_MS) / INPUT_COUNT);
  const topLevel = Array.from({ length: INPUT_COUNT }, (_, index) => {
    const at = createdAt(index);
    return {
      consultationId: consultation.id,
      kind: INPUT_KINDS[index % INPUT_KINDS.length]!,
      title: `${pick(['Shade', 'Safety', 'Market', 'Lighting', 'Water', 'Parking', 'Trees', 'Play'])} on the square (${index + 1})`,
      body: bodyText(2 + (index % 8)),
      authorId: authors[index % authors.length]!.id,
      status: 'published' as const,
      submissionKey: randomUUID(),
      createdAt: at,
      publishedAt: at,
    };
  });
  const ids: string[] = [];
  await insertInChunks(topLevel, 500, async (chunk) => {
    ids.push(...(await db.insert(inputs).values(chunk).returning({ id: inputs.id })).map((row) => row.id));
  });

  const replies = Array.from({ length: REPLY_COUNT }, (_, index) => {
    const at = new Date(now - HOUR_MS + (index * HOUR_MS) / 2 / REPLY_COUNT);
    return {
      consultationId: consultation.id,
      parentId: pick(ids),
      body: bodyText(1 + (index % 3)),
      authorId: pick(authors).id,
      status: 'published' as const,
      submissionKey: randomUUID(),
      createdAt: at,
      publishedAt: at,
    };
  });
  await insertInChunks(replies, 500, (chunk) => db.insert(inputs).values(chunk));

  const supports = ids.flatMap((inputId) => {
    const supporters = new Set(Array.from({ length: Math.floor(Math.random() * (MAX_SUPPORTS_PER_INPUT + 1)) }, () => pick(authors).id));
    return [...supporters].map((userId) => ({ inputId, userId }));
  });
  await insertInChunks(supports, 2000, (chunk) => db.insert(inputSupports).values(chunk));
  console.error(`seeded: ${INPUT_COUNT} inputs, ${REPLY_COUNT} replies, ${supports.length} supports by ${AUTHOR_COUNT} residents`);
  return { consultationId: consultation.id, resident: { email: resident.email } };
}

/** Top-level inputs of the consultation, and how many of `numbers` are among them. */
async function countInputs(db: Db, consultationId: string, numbers: number[]): Promise<{ total: number; found: number }> {
  const topLevel = and(eq(inputs.consultationId, consultationId), isNull(inputs.parentId));
  const [all] = await db.select({ total: count() }).from(inputs).where(topLevel);
  let found = 0;
  for (let offset = 0; offset < numbers.length; offset += 1000) {
    const [row] = await db
      .select({ total: count() })
      .from(inputs)
      .where(and(topLevel, inArray(inputs.number, numbers.slice(offset, offset + 1000))));
    found += row?.total ?? 0;
  }
  return { total: all?.total ?? 0, found };
}

// ---------------------------------------------------------------------------------
// HTTP: signing in and reading the form

function cookiesFrom(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]!;
    const equals = pair.indexOf('=');
    if (equals > 0) cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  return cookies;
}

const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

/** next-auth's credentials flow, as tests/e2e/fixtures.ts signInThroughApi: the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookiesFrom(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
  });
  const session = cookiesFrom(response).get('next-auth.session-token');
  if (!response.ok || !session) throw new Error(`signing in answered ${response.status} without a session cookie: ${await response.text()}`);
  return `next-auth.session-token=${session}`;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", '#x27': "'", '#39': "'" };
const decodeEntities = (text: string) => text.replace(/&(amp|quot|lt|gt|apos|#x27|#39);/g, (_, name: string) => ENTITIES[name]!);

/**
 * The hidden fields of the input form as React renders it for use without JavaScript:
 * our own (consultationId, submissionKey) and the server action's ($ACTION_REF_n, the
 * action id and bound previous state in $ACTION_n:0/1, $ACTION_KEY).
 */
function inputFormFields(html: string): { action: string; encType: string; hidden: Array<[string, string]> } {
  const marker = html.indexOf('aria-labelledby="input-form-heading"');
  const start = html.lastIndexOf('<form', marker);
  const end = html.indexOf('</form>', marker);
  if (marker < 0 || start < 0 || end < 0) throw new Error('the consultation page has no input form for the signed-in resident');
  const form = html.slice(start, end);
  const attributes = (tag: string) =>
    new Map([...tag.matchAll(/([^\s=/<>"]+)(?:="([^"]*)")?/g)].slice(1).map((match) => [match[1]!.toLowerCase(), decodeEntities(match[2] ?? '')]));
  const formTag = attributes(form.slice(0, form.indexOf('>')));
  const hidden: Array<[string, string]> = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const input = attributes(tag);
    if (input.get('type') === 'hidden' && input.has('name')) hidden.push([input.get('name')!, input.get('value') ?? '']);
  }
  return { action: formTag.get('action') ?? '', encType: formTag.get('enctype') ?? '', hidden };
}

function multipart(fields: Array<[string, string]>): { body: Buffer; contentType: string } {
  const boundary = `----participa-bench-${randomBytes(8).toString('hex')}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------------------------
// Load

interface ScenarioResult {
  scenario: string;
  connections: number;
  /** Requests per second autocannon paced the connections to; undefined for a closed loop. */
  pacedRate?: number;
  /** Responses per second within the measured window. */
  requestsPerSecond: number;
  /** Response times (ms) of the responses received within the window, ascending. */
  latencies: number[];
  statuses: Map<number, number>;
  /** Connection errors and timeouts within the window. */
  errors: number;
  bytesPerResponse: number;
  /** Server CPU time during the window. */
  cpuSeconds: number;
  peakRssMiB: number;
  /** The longest a connection waited for its first answer (not in `latencies`). */
  slowestFirstAnswerMs: number;
  /** Connections that never had an answer. */
  unansweredConnections: number;
}

/**
 * Waits until the server uses less than a tenth of a core: when autocannon stops, the
 * requests it abandoned are still being served, and would weigh on the next run.
 */
async function waitUntilIdle(pid: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let before = processUsage(pid).cpuSeconds;
  while (Date.now() < deadline) {
    await sleep(500);
    const now = processUsage(pid).cpuSeconds;
    if (now - before < 0.05) return;
    before = now;
  }
  console.error('the server was still busy after a minute; measuring anyway');
}

/**
 * One continuous autocannon run: `warmUpSeconds` not measured, then `seconds` measured
 * from the responses themselves. A connection's first answer is never measured: under
 * saturation a new connection waits behind the connections already being served (for
 * seconds at 100 connections), which says how new visitors fare in an overload, not how
 * fast the steady state is. It is reported apart, as the slowest first answer.
 */
async function runScenario(
  scenario: string,
  server: SpawnedServer,
  url: string,
  requests: autocannon.Request[],
  { connections, seconds, warmUpSeconds }: { connections: number; seconds: number; warmUpSeconds: number },
): Promise<ScenarioResult> {
  const pid = server.child.pid!;
  console.error(`${scenario}: ${connections} connection(s), ${warmUpSeconds} s warm-up, then ${seconds} s measured`);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const answered = new Set<unknown>();
  let slowestFirstAnswerMs = 0;
  let errors = 0;
  let bytes = 0;
  let measuring = false;
  let windowSeconds = Number.NaN;
  let cpuSeconds = Number.NaN;
  let peakRssMiB = Number.NaN;

  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: warmUpSeconds + seconds + 5, timeout: 30, requests }, (error) => {
      clearTimeout(windowTimer);
      if (error) reject(error);
      else resolve();
    });
    const windowTimer = setTimeout(() => {
      measuring = true;
      const windowStart = performance.now();
      const cpuBefore = processUsage(pid).cpuSeconds;
      const memory = watchMemory(pid);
      setTimeout(() => {
        measuring = false;
        windowSeconds = (performance.now() - windowStart) / 1000;
        cpuSeconds = processUsage(pid).cpuSeconds - cpuBefore;
        peakRssMiB = memory.stop();
        instance.stop(); // at autocannon's next tick; later responses are not counted
      }, seconds * 1000);
    }, warmUpSeconds * 1000);
    instance.on('response', (client, status, responseBytes, responseTime) => {
      if (!answered.has(client)) {
        answered.add(client);
        slowestFirstAnswerMs = Math.max(slowestFirstAnswerMs, responseTime);
        return;
      }
      if (!measuring) return;
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      bytes += responseBytes;
    });
    instance.on('reqError', () => {
      if (measuring) errors += 1;
    });
  });
  // Requests abandoned when autocannon stopped are still being served.
  await waitUntilIdle(pid);
  return {
    scenario,
    connections,
    requestsPerSecond: latencies.length / windowSeconds,
    latencies: latencies.sort((a, b) => a - b),
    statuses,
    errors,
    bytesPerResponse: bytes / Math.max(1, latencies.length),
    cpuSeconds,
    peakRssMiB,
    slowestFirstAnswerMs,
    unansweredConnections: connections - answered.size,
  };
}

/**
 * An open loop over `connections` keep-alive connections: request n is due at
 * start + n / rate, whether or not earlier answers have come (autocannon's own pacing
 * sends each second's budget in a burst at the start of the second). A latency runs
 * from when the request was due, so time spent waiting for a free connection counts
 * too. Requests due in the measured window are measured.
 */
async function runPaced(
  scenario: string,
  server: SpawnedServer,
  base: string,
  template: autocannon.Request,
  { connections, rate, seconds, warmUpSeconds }: { connections: number; rate: number; seconds: number; warmUpSeconds: number },
): Promise<ScenarioResult> {
  const pid = server.child.pid!;
  console.error(`${scenario}: ${connections} connections, open loop at ${rate} requests/s, ${warmUpSeconds} s warm-up, then ${seconds} s measured`);
  const { hostname, port } = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let bytes = 0;
  const intervalMs = 1000 / rate;
  // autocannon's types widen these to any property's type; they are the functions the scenarios set.
  const setupRequest = template.setupRequest as ((request: autocannon.Request, context: object) => autocannon.Request) | undefined;
  const onResponse = template.onResponse as ((status: number, body: string, context: object, headers: http.IncomingHttpHeaders) => void) | undefined;
  const start = performance.now() + 100;
  const windowStart = start + warmUpSeconds * 1000;
  const windowEnd = windowStart + seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  let cpuBefore = Number.NaN;
  let memory: { stop(): number } | undefined;

  const send = (dueAt: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const isMeasured = dueAt >= windowStart && dueAt < windowEnd;
      const request = setupRequest ? setupRequest({ ...template }, {}) : template;
      const outgoing = http.request({ agent, hostname, port, method: request.method, path: request.path, headers: request.headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          onResponse?.(response.statusCode ?? 0, body, {}, response.headers);
          if (isMeasured) {
            latencies.push(performance.now() - dueAt);
            statuses.set(response.statusCode ?? 0, (statuses.get(response.statusCode ?? 0) ?? 0) + 1);
            // Headers too, as autocannon counts them in the closed-loop rows.
            bytes += Buffer.byteLength(body) + response.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0);
          }
          resolve();
        });
      });
      outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => {
        if (isMeasured) errors += 1;
        resolve();
      });
      outgoing.end(request.body);
    });

  for (let index = 0; ; index += 1) {
    const dueAt = start + index * intervalMs;
    if (dueAt >= windowEnd) break;
    const wait = dueAt - performance.now();
    if (wait > 1) await sleep(wait);
    if (!memory && dueAt >= windowStart) {
      cpuBefore = processUsage(pid).cpuSeconds;
      memory = watchMemory(pid);
    }
    const pending = send(dueAt);
    inFlight.add(pending);
    void pending.then(() => inFlight.delete(pending));
  }
  await Promise.all(inFlight);
  const cpuSeconds = processUsage(pid).cpuSeconds - cpuBefore;
  const peakRssMiB = memory?.stop() ?? Number.NaN;
  agent.destroy();
  await waitUntilIdle(pid);
  return {
    scenario,
    connections,
    pacedRate: rate,
    requestsPerSecond: latencies.length / seconds,
    latencies: latencies.sort((a, b) => a - b),
    statuses,
    errors,
    bytesPerResponse: bytes / Math.max(1, latencies.length),
    cpuSeconds,
    peakRssMiB,
    slowestFirstAnswerMs: Number.NaN,
    unansweredConnections: 0,
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Responses per status code, e.g. "303×812, 500×3". */
function statusSummary(statuses: Map<number, number>): string {
  return [...statuses].map(([status, n]) => `${status}×${n}`).join(', ');
}

const ms = (value: number) => Number(value.toFixed(1));

// ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  buildApp();
  const postgresBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const cleanUps = cleanUpsOnExit();
  let serverOutput: (() => string) | undefined;

  try {
    const database = postgresBase ? await createFreshPostgresDatabase(postgresBase) : null;
    if (database) cleanUps.push(() => database.drop());
    const dataDir = database ? undefined : mkdtempSync(path.join(tmpdir(), 'participa-http-bench-'));
    if (dataDir) cleanUps.push(() => removeFolder(dataDir));
    const open = (): Promise<DatabaseHandle> => (database ? openDatabase({ url: database.url }) : openDatabase({ dataDir: path.join(dataDir!, 'pglite') }));
    console.error(`database: ${database ? 'a fresh PostgreSQL database (BENCH_DATABASE_URL / TEST_DATABASE_URL)' : `embedded PGlite in ${dataDir}`}`);

    const seedStarted = performance.now();
    const handle = await open();
    let seeded: Seeded;
    try {
      seeded = await seed(handle.db);
    } finally {
      // PGlite: the server must be the only process with the folder open.
      await handle.close();
    }
    console.error(`data ready in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { DATABASE_URL: _database, AUTH_SECRET: _secret, NEXTAUTH_SECRET: _nextSecret, DATA_DIR: _dataDir, ...inherited } = process.env;
    // BENCH_CPU_PROFILE_DIR=/some/dir writes a CPU profile of the server on exit.
    const profiling = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [];
    if (process.env.BENCH_CPU_PROFILE_DIR) mkdirSync(process.env.BENCH_CPU_PROFILE_DIR, { recursive: true });
    const server = await spawnServer({
      label: 'production server',
      args: [...profiling, '--import', 'tsx', 'server/index.ts'],
      env: {
        ...inherited,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        BIND_ADDRESS: '127.0.0.1',
        SEED_DEMO: 'false',
        NEXTAUTH_URL: `http://localhost:${port}`,
        AUTH_SECRET: randomBytes(32).toString('base64'),
        TIME_ZONE: 'UTC',
        ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir! }),
      },
      readyText: 'ready on http',
      timeoutMs: 60_000,
    });
    const stopServer = async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    };
    cleanUps.push(stopServer);
    serverOutput = server.output;

    const session = await signIn(base, seeded.resident.email);
    const pagePath = `/consultations/${seeded.consultationId}`;
    const firstPage = await fetch(`${base}${pagePath}`, { headers: { Cookie: session } });
    if (firstPage.status !== 200) throw new Error(`GET ${pagePath} as the resident answered ${firstPage.status}`);
    const form = inputFormFields(await firstPage.text());
    if (!form.hidden.some(([name]) => name.startsWith('$ACTION'))) throw new Error('the input form carries no server action fields');
    console.error(`input form (${form.encType || 'no enctype'}, action "${form.action}"): hidden ${form.hidden.map(([name]) => name).join(', ')}`);
    const postPath = form.action.startsWith('/') ? form.action : pagePath;

    const randomPage: autocannon.Request['setupRequest'] = (request) => ({ ...request, path: `${pagePath}?page=${1 + Math.floor(Math.random() * PAGE_COUNT)}` });
    let submissionsBuilt = 0;
    const newSubmission: autocannon.Request['setupRequest'] = (request) => {
      submissionsBuilt += 1;
      const { body, contentType } = multipart([
        ...form.hidden.map(([name, value]): [string, string] => [name, name === 'submissionKey' ? randomUUID() : value]),
        ['kind', pick(INPUT_KINDS)],
        ['title', `Benchmark input ${submissionsBuilt}`],
        ['body', bodyText(3)],
      ]);
      return { ...request, body, headers: { ...request.headers, 'content-type': contentType } };
    };
    // Every 303 names the new input (?submitted=<number>); warm-up runs included.
    const submittedNumbers: number[] = [];
    const recordSubmitted: autocannon.Request['onResponse'] = (status, _body, _context, headers) => {
      const location = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'location')?.[1];
      const number = status === 303 && typeof location === 'string' ? Number(new URL(location, base).searchParams.get('submitted')) : Number.NaN;
      if (Number.isInteger(number) && number > 0) submittedNumbers.push(number);
    };
    // A browser sends its Origin with a form post; Next.js checks it against Host.
    const postHeaders = { Cookie: session, Origin: base, Accept: 'text/html' };

    const scenarios: Array<[string, autocannon.Request[]]> = [
      ['floor', [{ method: 'GET', path: '/api/ping' }]],
      ['page', [{ method: 'GET', path: pagePath, setupRequest: randomPage }]],
      ['page (signed in)', [{ method: 'GET', path: pagePath, headers: { Cookie: session }, setupRequest: randomPage }]],
      ['submission', [{ method: 'POST', path: postPath, headers: postHeaders, setupRequest: newSubmission, onResponse: recordSubmitted }]],
    ];
    const results: ScenarioResult[] = [];
    for (const [scenario, requests] of scenarios) {
      results.push(await runScenario(scenario, server, base, requests, { connections: CONNECTIONS, seconds: MEASURE_SECONDS, warmUpSeconds: WARM_UP_SECONDS }));
    }
    // The same 100 connections at half the rate each scenario just sustained: latency at a
    // load the server can carry, rather than queueing at saturation.
    const saturated = [...results];
    for (const [index, [scenario, requests]] of scenarios.entries()) {
      const pacedRate = Math.max(1, Math.round(saturated[index]!.requestsPerSecond * PACED_SHARE));
      results.push(await runPaced(scenario, server, base, requests[0]!, { connections: CONNECTIONS, rate: pacedRate, seconds: MEASURE_SECONDS, warmUpSeconds: WARM_UP_SECONDS }));
    }
    // The server is warm now: one connection alone gives each request's service time.
    for (const [scenario, requests] of scenarios) {
      results.push(await runScenario(scenario, server, base, requests, { connections: 1, seconds: SERVICE_TIME_SECONDS, warmUpSeconds: 1 }));
    }

    const { rssMiB, peakRssMiB } = processUsage(server.child.pid!);
    await stopServer();
    const check = await open();
    let counted: { total: number; found: number };
    try {
      counted = await countInputs(check.db, seeded.consultationId, submittedNumbers);
    } finally {
      await check.close();
    }

    console.table(
      results.map((run) => {
        const target = run.connections === CONNECTIONS ? TARGETS_MS[run.scenario] : undefined;
        const expectedStatus = run.scenario === 'submission' ? 303 : 200;
        const failed = run.errors + run.latencies.length - (run.statuses.get(expectedStatus) ?? 0);
        const p99 = ms(percentile(run.latencies, 0.99));
        return {
          scenario: run.scenario,
          connections: run.pacedRate ? `${run.connections} @ ${run.pacedRate}/s` : run.connections,
          'requests/s': Number(run.requestsPerSecond.toFixed(1)),
          'p50 ms': ms(percentile(run.latencies, 0.5)),
          'p99 ms': p99,
          'max ms': ms(run.latencies.at(-1) ?? Number.NaN),
          'errors/non-2xx': failed,
          statuses: statusSummary(run.statuses),
          'KiB/response': Number((run.bytesPerResponse / 1024).toFixed(1)),
          'server CPU s': Number(run.cpuSeconds.toFixed(1)),
          'CPU ms/response': Number(((1000 * run.cpuSeconds) / Math.max(1, run.latencies.length)).toFixed(1)),
          'peak RSS MiB': Number(run.peakRssMiB.toFixed(0)),
          'slowest 1st answer ms': run.pacedRate ? '' : run.unansweredConnections > 0 ? `${run.unansweredConnections} never` : ms(run.slowestFirstAnswerMs),
          target: target ? `p99 < ${target} ms${run.pacedRate ? ' (paced)' : ''}` : run.connections === 1 ? '(service time)' : '',
          met: target ? (p99 < target && failed === 0 ? 'met' : 'missed') : '',
        };
      }),
    );
    const created = counted.total - INPUT_COUNT;
    const distinct = new Set(submittedNumbers).size;
    console.log(
      `${CONNECTIONS} connections: ${MEASURE_SECONDS} s measured per scenario after ${WARM_UP_SECONDS} s of warm-up, first as a closed loop (saturation), then paced to ${PACED_SHARE * 100}% of the requests/s the closed loop sustained ("100 @ N/s"); 1 connection: ${SERVICE_TIME_SECONDS} s after 1 s. ` +
        `Requests/s, latencies and CPU ms/response count the responses within the measured seconds except each connection's first. ` +
        `Database: ${database ? 'PostgreSQL' : 'PGlite (embedded, in the server process)'}. Server RSS at the end ${rssMiB.toFixed(0)} MiB, peak ${peakRssMiB.toFixed(0)} MiB.`,
    );
    console.log(
      `submissions: ${submittedNumbers.length} answered 303 (warm-up included) naming ${distinct} distinct inputs, ${counted.found} of them found in the database` +
        `${counted.found === submittedNumbers.length && distinct === submittedNumbers.length ? ' (all)' : ' — MISSING INPUTS'}; ` +
        `the consultation has ${counted.total} inputs (${INPUT_COUNT} seeded + ${created}); ${created - distinct} of those came from posts still in flight when a run ended.`,
    );
  } catch (error) {
    if (serverOutput) console.error(`server output (last 4,000 characters):\n${serverOutput().slice(-4000)}`);
    throw error;
  } finally {
    await cleanUps.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
