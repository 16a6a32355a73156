// Real collaboration servers (child processes running server/collab/main.ts) and real
// y-websocket clients in Node, for the collaboration integration tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { collabSigningKey, signCollabToken, type CollabAccess } from '@/lib/collab/token';

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
export async function startCollabProcess(options: CollabProcessOptions = {}): Promise<CollabProcess> {
  const port = options.port ?? (await freePort());
  const { DATABASE_URL: _ignored, REDIS_URL: _alsoIgnored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/collab/main.ts'], {
    cwd: process.cwd(),
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
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`collab server did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('ready on port')) {
        clearTimeout(timeout);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`collab server exited with ${code}:\n${output}`));
    });
  });

  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    child,
    output: () => output,
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

/** Opens a raw websocket and reports how the upgrade ended: an HTTP status, or 101. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.terminate();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
