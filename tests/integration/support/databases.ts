// The database backends every integration suite runs against: embedded PGlite always,
// and the real PostgreSQL when TEST_DATABASE_URL is set. Each suite gets a database of
// its own (PGlite in memory, or a freshly created PostgreSQL database) that is dropped
// afterwards. In CI a missing PostgreSQL is a failure, never a skip.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<DatabaseHandle>;
}

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const postgresUrl = process.env.TEST_DATABASE_URL;

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** An empty PostgreSQL database of its own on the test server, and how to drop it. */
export async function createFreshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `participa_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(baseUrl, name),
    async drop() {
      const cleaner = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await cleaner.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

async function openFreshPostgres(baseUrl: string): Promise<DatabaseHandle> {
  const database = await createFreshPostgresDatabase(baseUrl);
  const handle = await openDatabase({ url: database.url });
  return {
    ...handle,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

/** The PostgreSQL server for tests; in CI its absence fails the test that needs it. */
export function requirePostgresUrl(): string | undefined {
  if (postgresUrl) return postgresUrl;
  if (isCi) throw new Error('TEST_DATABASE_URL is not set: CI must test against the real PostgreSQL.');
  return undefined;
}

export const testBackends: TestBackend[] = [
  { name: 'pglite', open: () => openDatabase({}) },
  ...(postgresUrl
    ? [{ name: 'postgres' as const, open: () => openFreshPostgres(postgresUrl) }]
    : isCi
      ? [
          {
            name: 'postgres' as const,
            open: () => Promise.reject(new Error('TEST_DATABASE_URL is not set: CI must test against the real PostgreSQL.')),
          },
        ]
      : []),
];

/**
 * Opens the backend's database before the suite and drops it after. The returned
 * object's `db` is ready inside tests and hooks declared after this call.
 */
export function useSuiteDatabase(backend: TestBackend): { readonly db: DatabaseHandle['db'] } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return {
    get db() {
      if (!handle) throw new Error('the suite database is not open yet');
      return handle.db;
    },
  };
}
