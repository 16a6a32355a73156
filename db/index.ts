// The database of this process: real PostgreSQL through postgres.js when DATABASE_URL
// is set, otherwise embedded PGlite in the data folder. Both run the same migrations.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');

  // PGlite does not create missing parent folders itself.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const drizzleDb = drizzle(client, { schema });
  await migrate(drizzleDb, { migrationsFolder: MIGRATIONS_FOLDER });
  // PGlite has no autovacuum, so nothing ever gathers planner statistics: without
  // them it plans every query for empty tables. Gather them at start and now and then.
  await client.exec('ANALYZE');
  const analyzeTimer = setInterval(() => {
    client.exec('ANALYZE').catch((error: unknown) => logError('analyzing the embedded database failed', error));
  }, ANALYZE_EVERY_MS);
  analyzeTimer.unref();
  return {
    db: drizzleDb as unknown as Db,
    kind: 'pglite',
    close: () => {
      clearInterval(analyzeTimer);
      return client.close();
    },
  };
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
