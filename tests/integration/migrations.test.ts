// Start-up behaviour of the database layer that the README promises.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, getDatabase, openDatabase } from '@/db';
import { createFreshPostgresDatabase, requirePostgresUrl } from './support/databases';

const journal = JSON.parse(readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };

describe('several processes starting together on one PostgreSQL', () => {
  const postgresUrl = requirePostgresUrl();

  it.skipIf(!postgresUrl)('all start, and every migration is applied exactly once', async () => {
    const database = await createFreshPostgresDatabase(postgresUrl!);
    try {
      const handles = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url: database.url })));
      const applied = await handles[0]!.db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
      expect((applied as unknown as Array<{ applied: number }>)[0]?.applied).toBe(journal.entries.length);
      await Promise.all(handles.map((handle) => handle.close()));
    } finally {
      await database.drop();
    }
  });
});

describe('the database of this process', () => {
  const dataDir = path.join('.test-data', `singleton-${process.pid}`);
  afterEach(() => {
    globalThis.__participaDatabaseClosed = undefined;
    globalThis.__participaDatabase = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is opened once however many callers ask at the same time, and not again after closing', async () => {
    process.env.DATA_DIR = dataDir;
    const [first, second] = await Promise.all([getDatabase(), getDatabase()]);
    expect(first).toBe(second);
    await closeDatabase();
    await expect(getDatabase()).rejects.toThrow(/closed/);
  });
});
