// Real collaboration servers (child processes running server/collab/main.ts) and real
// y-websocket clients in Node, for the collaboration integration tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { resolveClientAddress } from '@/lib/auth/client-address';
import { stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { collabSigningKey, signCollabToken, type CollabAccess } from '@/lib/collab/token';
import type { CollabLogger } from '@/server/collab/logger';
import { createCollabServer, type CollabServer, type CollabServerOptions } from '@/server/collab/server';
import type { CollabStore } from '@/server/collab/store';

export const TEST_AUTH_SECRET = 'collaboration-tests-secret-0123456789abcdef';
export const signingKey = collabSigningKey(TEST_AUTH_SECRET);

export function newDocumentName(): string {
  return stakeholderMapDocumentName(randomUUID());
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CollabProcess {
  port: number;
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for a clean exit (documents stored). */
  stop(): Promise<void>;
  /** SIGKILL: nothing gets a chance to run. */
  kill(): Promise<void>;
}

export interface CollabProcessOptions {
  /** postgres:// URL shared by several processes; without it an embedded database in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  redisUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

/** Starts server/collab/main.ts as a child process and waits until it listens. */
export interface SpawnedServer {
  child: ChildProcess;
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * Starts a Node server as a child process and waits for a line saying it is ready.
 * A server that does not get ready in time is killed, so no test leaves one behind.
 */
export async function spawnServer({
  label,
  args,
  env,
  readyText,
  timeoutMs,
}: {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  readyText: string;
  timeoutMs: number;
}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, args, { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not start:\n${output}`));
    }, timeoutMs);
    child.stdout?.on('data', () => {
      if (output.includes(readyText)) {
        clearTimeout(timeout);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`${label} exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, exited };
}

export async function startCollabProcess(options: CollabProcessOptions = {}): Promise<CollabProcess> {
  const port = options.port ?? (await freePort());
  const { DATABASE_URL: _ignored, REDIS_URL: _alsoIgnored, ...inherited } = process.env;
  // COLLAB_CPU_PROFILE_DIR=/some/dir writes a CPU profile of each server on exit (for benchmarks).
  const profiling = process.env.COLLAB_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.COLLAB_CPU_PROFILE_DIR}`] : [];
  const { child, output, exited } = await spawnServer({
    label: 'collab server',
    args: [...profiling, '--import', 'tsx', 'server/collab/main.ts'],
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(port),
      BIND_ADDRESS: '127.0.0.1',
      AUTH_SECRET: TEST_AUTH_SECRET,
      COLLAB_UNLOAD_DELAY_MS: '200',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'participa-collab-')) }),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    },
    readyText: 'ready on port',
    // Opening and migrating the embedded database takes 40 s on a loaded two-core machine.
    timeoutMs: 120_000,
  });

  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    child,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function tokenFor(document: string, access: CollabAccess = 'edit', userId: string = randomUUID()): Promise<string> {
  return signCollabToken({ userId, name: `Tester ${userId.slice(0, 4)}`, document, access }, signingKey);
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A y-websocket provider in Node, as the browser uses it; resolves once synced. */
export async function connectClient(
  serverUrl: string,
  document: string,
  { access = 'edit', doc = new Y.Doc(), userId }: { access?: CollabAccess; doc?: Y.Doc; userId?: string } = {},
): Promise<TestClient> {
  const token = await tokenFor(document, access, userId);
  const provider = new WebsocketProvider(serverUrl, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    // In one Node process every provider would otherwise share updates directly.
    disableBc: true,
    maxBackoffTime: 500,
  });
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`client did not sync with ${serverUrl}`)), 15_000);
    provider.once('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timeout);
        resolve();
      }
    });
  });
  return { doc, provider, destroy: () => provider.destroy() };
}

/** Polls until the condition holds; fails with the message otherwise. */
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export { upgradeStatus } from '../../support/websocket';

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------
// Additions for the cluster test (cluster.test.ts) and the benchmark (tests/bench/collab.ts).

/**
 * The same person's tab reconnecting elsewhere (another process, after a crash or a
 * load balancer's choice): the old provider goes, a new one opens on serverUrl with the
 * same Y.Doc and the same Awareness, so edits made while offline are sent again and the
 * presence clock goes on. Resolves once synced.
 */
export async function reconnectClient(
  client: TestClient,
  serverUrl: string,
  document: string,
  { access = 'edit', userId }: { access?: CollabAccess; userId?: string } = {},
): Promise<TestClient> {
  const { doc, provider: previous } = client;
  const awareness = previous.awareness;
  previous.destroy();
  const token = await tokenFor(document, access, userId);
  const provider = new WebsocketProvider(serverUrl, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    awareness,
    disableBc: true,
    maxBackoffTime: 500,
  });
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`client did not sync again with ${serverUrl}`)), 15_000);
    provider.once('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timeout);
        resolve();
      }
    });
  });
  return { doc, provider, destroy: () => provider.destroy() };
}

/** Local ports of the TCP connections that process `pid` holds to `remotePort` (Linux /proc). */
export function tcpConnectionPortsOf(pid: number, remotePort: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const columns = line.trim().split(/\s+/);
      const [local, remote, inode] = [columns[1], columns[2], columns[9]];
      if (!local || !remote || !inode || !inodes.has(inode)) continue;
      if (Number.parseInt(remote.split(':').pop() ?? '', 16) === remotePort) ports.push(Number.parseInt(local.split(':').pop() ?? '', 16));
    }
  }
  return ports;
}

/**
 * Drops the Redis pub/sub connection(s) of one process (CLIENT KILL by id), as a network
 * blip or a slow subscriber would: what is published until it has subscribed again is
 * lost for that process only. Returns how many connections were killed.
 */
export async function killRedisSubscriberOf(redisUrl: string, pid: number): Promise<number> {
  const redisPort = Number(new URL(redisUrl).port || 6379);
  const ports = new Set(tcpConnectionPortsOf(pid, redisPort));
  const admin = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const list = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    let killed = 0;
    for (const line of list.split('\n')) {
      const fields = new Map(line.trim().split(' ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const));
      const port = Number(fields.get('addr')?.split(':').pop());
      const id = fields.get('id');
      if (id && ports.has(port)) {
        await admin.call('CLIENT', 'KILL', 'ID', id);
        killed += 1;
      }
    }
    return killed;
  } finally {
    admin.disconnect();
  }
}

/** CPU time (user + system, seconds) and memory (MiB) of a process, from /proc (Linux). */
export function processUsage(pid: number): { cpuSeconds: number; rssMiB: number; peakRssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { cpuSeconds, rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

// ---------------------------------------------------------------------------------
// Helpers for tests that need clean-up on failure and raw protocol access.

/** A client whose provider exists at once (so a test can register it for clean-up) and that resolves `synced` later. */
export interface PendingTestClient extends TestClient {
  synced: Promise<void>;
}

/** Like connectClient, but returns before the first sync; `destroy` also destroys the Y.Doc (and its awareness timer). */
export function startClient(
  serverUrl: string,
  document: string,
  { access = 'edit', doc = new Y.Doc(), userId, token }: { access?: CollabAccess; doc?: Y.Doc; userId?: string; token?: string } = {},
): PendingTestClient {
  let provider: WebsocketProvider | null = null;
  let destroyed = false;
  const client: PendingTestClient = {
    doc,
    get provider(): WebsocketProvider {
      if (!provider) throw new Error('the provider is not created yet');
      return provider;
    },
    destroy() {
      destroyed = true;
      provider?.awareness.destroy();
      provider?.destroy();
      doc.destroy();
    },
    synced: (async () => {
      const signed = token ?? (await tokenFor(document, access, userId));
      if (destroyed) throw new Error('client destroyed before it connected');
      provider = new WebsocketProvider(serverUrl, document, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { token: signed },
        disableBc: true,
        maxBackoffTime: 500,
      });
      const current = provider;
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error(`client did not sync with ${serverUrl}`)), 15_000);
        const onSync = (isSynced: boolean) => {
          if (!isSynced) return;
          clearTimeout(timeout);
          current.off('sync', onSync);
          resolve();
        };
        current.on('sync', onSync);
      });
    })(),
  };
  // A rejection nobody awaited yet must not crash the run; callers await `synced`.
  client.synced.catch(() => undefined);
  return client;
}

/** A raw websocket on a document: every binary message it receives, and how it closed. */
export interface RawSocket {
  socket: WebSocket;
  messages: Uint8Array[];
  /** Resolves when the socket is closed, with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  isOpen(): boolean;
  /** Sends if the socket is still open; returns whether it did. */
  send(message: Uint8Array | string): boolean;
  /** Waits for a received message that satisfies the predicate (including ones already received). */
  waitForMessage(predicate: (message: Uint8Array) => boolean, description: string, timeoutMs?: number): Promise<Uint8Array>;
}

/** Opens a raw websocket with a token for the document (or the given token); resolves once open. */
export async function openRawSocket(
  serverUrl: string,
  document: string,
  { access = 'edit', token, userId, headers = {} }: { access?: CollabAccess; token?: string; userId?: string; headers?: Record<string, string> } = {},
): Promise<RawSocket> {
  const signed = token ?? (await tokenFor(document, access, userId));
  const socket = new WebSocket(`${serverUrl}/${document}?token=${encodeURIComponent(signed)}`, { headers });
  socket.binaryType = 'nodebuffer';
  const messages: Uint8Array[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return;
    messages.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    waiters.forEach((wake) => wake());
  });
  // Errors (a reset after the server closed, for instance) end in 'close' too.
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code: number, reason: Buffer) => {
      resolve({ code, reason: reason.toString() });
      waiters.forEach((wake) => wake());
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused with ${response.statusCode}`)));
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    isOpen: () => socket.readyState === WebSocket.OPEN,
    send(message) {
      if (socket.readyState !== WebSocket.OPEN) return false;
      socket.send(message);
      return true;
    },
    waitForMessage(predicate, description, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (found) {
            cleanup();
            resolve(found);
          } else if (socket.readyState === WebSocket.CLOSED) {
            cleanup();
            reject(new Error(`socket closed before ${description}`));
          }
        };
        const timeout = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${description}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timeout);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** GET /health of a collaboration process: its status code and JSON body. */
export async function health(port: number): Promise<{ status: number; body: { status?: string; connections?: number; documents?: number } }> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as { status?: string; connections?: number; documents?: number } };
}

/** Polls a process's memory until stopped: the highest resident size seen. */
export function watchMemory(pid: number): { stop(): number } {
  let peak = processUsage(pid).rssMiB;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, processUsage(pid).rssMiB);
    } catch {
      // the process ended
    }
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

// ---------------------------------------------------------------------------------
// An in-process server, for tests that need its logger or its store at hand.

export interface InProcessServer {
  /** ws://127.0.0.1:<port>/collab */
  url: string;
  port: number;
  /** Every line the server logged, in order. */
  lines: string[];
  collab: CollabServer;
  close(): Promise<void>;
}

/**
 * createCollabServer on a local HTTP server, with a logger that keeps every line. The
 * client address is taken from X-Forwarded-For when a test sends one (as behind a
 * trusted proxy), so tests can speak from several addresses.
 */
export async function startInProcessServer(
  options: Partial<Omit<CollabServerOptions, 'log' | 'signingKey' | 'allowedOrigins'>> & { store: CollabStore },
): Promise<InProcessServer> {
  const lines: string[] = [];
  const log: CollabLogger = {
    info: (line) => lines.push(`info: ${line}`),
    warn: (line) => lines.push(`warn: ${line}`),
    error: (line, error) => lines.push(`error: ${line} ${error instanceof Error ? error.message : ''}`),
  };
  const collab = createCollabServer({
    bus: null,
    signingKey,
    allowedOrigins: new Set(),
    log,
    maxMessageBytes: 1024 * 1024,
    unloadDelayMs: 50,
    maxDocumentBytes: 5 * 1024 * 1024,
    clientAddressOf: (request) => resolveClientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'], trustProxy: true }),
    ...options,
  });
  const http = createHttpServer((_request, response) => response.writeHead(404).end());
  http.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    lines,
    collab,
    async close() {
      await collab.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** How an upgrade was answered: status, body and Retry-After (101 and '' when it was accepted). */
export function upgradeAnswer(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.terminate();
      resolve({ status: 101, body: '', retryAfter: undefined });
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, body, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
        socket.terminate();
      });
    });
    socket.once('error', (error) => reject(error));
  });
}
