// The database of this process: real PostgreSQL through postgres.js when DATABASE_URL
// is set, otherwise embedded PGlite in the data folder. Both run the same migrations.
//
// Embedded PGlite runs in a worker thread (db/pglite-worker.mjs), because PGlite runs
// its WASM on the thread that calls it: on the app's thread one large statement (a
// 50 MB insert, a slow query) stalled every HTTP request and websocket of the process.
// The app talks to the worker with postgres.js, the driver it uses for PostgreSQL,
// over MessagePorts carrying the wire protocol (db/pglite-thread.ts). Chosen over:
// - @electric-sql/pglite-socket (0.2.18): it pins @electric-sql/pglite 0.5.15 and seven
//   extension packages as peer dependencies (npm refuses 0.5.16 without overrides, and
//   would install the seven), and listens on a TCP port or socket file without any
//   authentication, which every local process could then use. Its several connections
//   share PGlite's one session, so it would be used with one connection anyway; what
//   it adds over the ~100 lines of the worker is the framing of the protocol.
// - drizzle-orm's pg-proxy driver: it has no transactions ("not supported by the
//   Postgres Proxy driver"), which the collaboration store and others need.
// - @electric-sql/pglite/worker: written for browsers' Web Workers (navigator.locks for
//   leader election, BroadcastChannel between tabs, the Web Worker message API), none
//   of which Node 20's worker_threads offers; and several round trips per query.
// One driver for both backends also means the embedded database answers as PostgreSQL
// does (the same result shapes and type parsing), and the tests run that path.
import path from 'node:path';
import type { Duplex } from 'node:stream';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
/** Any constant works; it only has to be the same in every process of one deployment. */
const MIGRATION_LOCK_KEY = 7_340_112;

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data folder; when absent (and no url) the database lives in memory. */
  dataDir?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');

  // Several processes may start together: one migrates while the others wait on the
  // lock. A single-connection client keeps lock and migration on one session.
  const migrationClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(migrationClient), { migrationsFolder: MIGRATIONS_FOLDER });
    await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrationClient.end();
  }

  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

const ANALYZE_EVERY_MS = 10 * 60 * 1000;

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const { startPgliteThread } = await import('./pglite-thread');

  const thread = await startPgliteThread({ dataDir });
  // postgres.js takes any stream as its socket (documented, for other runtimes); its
  // types do not list the option.
  const socketOption: { socket: () => Duplex } = { socket: () => thread.connect() };
  const client = postgres({
    ...socketOption,
    // PGlite is one backend, one session: the worker serves one connection at a time.
    // Transactions hold it, as PGlite's own transaction lock did.
    max: 1,
    // Named prepared statements would accumulate in that one backend, for ever.
    prepare: false,
    // Nothing to gain from reconnecting to a thread of the same process.
    idle_timeout: 0,
    max_lifetime: null,
    username: 'postgres',
    database: 'postgres',
    onnotice: () => {},
  });
  const closeAll = async () => {
    try {
      await client.end({ timeout: 5 });
    } finally {
      await thread.close();
    }
  };
  try {
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // PGlite has no autovacuum, so nothing ever gathers planner statistics: without
    // them it plans every query for empty tables. Gather them at start and now and then.
    await client.unsafe('ANALYZE');
    const analyzeTimer = setInterval(() => {
      client.unsafe('ANALYZE').catch((error: unknown) => logError('analyzing the embedded database failed', error));
    }, ANALYZE_EVERY_MS);
    analyzeTimer.unref();
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      close: () => {
        clearInterval(analyzeTimer);
        return closeAll();
      },
    };
  } catch (error) {
    // A failed open leaves no thread (and no PGlite on the folder) behind.
    await closeAll().catch(() => {});
    throw error;
  }
}

declare global {
  // Next.js evaluates this module several times in one process (pages, route
  // handlers, the custom server). Two PGlite instances on one folder silently lose
  // data, so the one handle lives on globalThis.
  var __participaDatabase: Promise<DatabaseHandle> | undefined;
  var __participaDatabaseClosed: boolean | undefined;
}

/** The database of this process, opened (and migrated) on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  // During shutdown a late request must not open a second PGlite on the same folder.
  if (globalThis.__participaDatabaseClosed) return Promise.reject(new Error('the database is closed: the process is stopping'));
  if (!globalThis.__participaDatabase) {
    const { DATABASE_URL, DATA_DIR } = env();
    const opening = openDatabase({ url: DATABASE_URL, dataDir: path.resolve(DATA_DIR, 'pglite') });
    globalThis.__participaDatabase = opening;
    // A failed open must not be cached: the next request tries again.
    opening.catch(() => {
      if (globalThis.__participaDatabase === opening) globalThis.__participaDatabase = undefined;
    });
  }
  return globalThis.__participaDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Closes the database for good: this process opens none after it. */
export async function closeDatabase(): Promise<void> {
  globalThis.__participaDatabaseClosed = true;
  const opening = globalThis.__participaDatabase;
  globalThis.__participaDatabase = undefined;
  if (opening) await (await opening).close();
}

export { schema };
