// The embedded database in its worker thread (db/pglite-thread.ts, db/pglite-worker.mjs):
// the app's thread keeps serving while PGlite works, and opening, transactions,
// concurrent queries and closing behave as they did with PGlite on the app's thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle, type Db } from '@/db';
import { users } from '@/db/schema';
import { spawnServer } from './collab/support';

/** Opening PGlite takes seconds, and more on a busy machine; these tests open it twice. */
const OPENING_TWICE_TIMEOUT_MS = 180_000;

/** A statement that keeps PGlite busy for a while (hashing 50 MB) and answers 32 bytes. */
const LARGE_STATEMENT = `select md5(repeat('x', 50000000)) as digest`;

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

async function selectOne<Row>(db: Db, query: ReturnType<typeof sql>): Promise<Row> {
  const [row] = rowsOf<Row>(await db.execute(query));
  return row!;
}

/** How many turns the event loop made while `work` ran. */
async function eventLoopTurnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let isRunning = true;
  const turn = () => {
    if (!isRunning) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  try {
    await work();
  } finally {
    isRunning = false;
  }
  return turns;
}

describe('the embedded database in its worker thread', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({});
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('is open, migrated and answers queries', async () => {
    expect(handle.kind).toBe('pglite');
    const applied = await selectOne<{ applied: number }>(handle.db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    expect(applied.applied).toBeGreaterThan(0);
    expect(await handle.db.select().from(users)).toEqual([]);
  });

  it('keeps the event loop turning while a large statement runs', async () => {
    const turns = await eventLoopTurnsDuring(() => handle.db.execute(sql.raw(LARGE_STATEMENT)));
    expect(turns).toBeGreaterThan(100);
  });

  it('answers an HTTP request while a large statement runs', async () => {
    const server: Server = createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const finished: string[] = [];
      const statement = handle.db.execute(sql.raw(LARGE_STATEMENT)).then(() => finished.push('statement'));
      const request = fetch(`http://127.0.0.1:${port}/`)
        .then((response) => response.text())
        .then((body) => finished.push(`request: ${body}`));
      await Promise.all([statement, request]);
      expect(finished).toEqual(['request: ok', 'statement']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rolls a failed transaction back and commits a successful one', async () => {
    await handle.db.execute(sql`create table worker_notes (id serial primary key, body text not null)`);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into worker_notes (body) values ('lost')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into worker_notes (body) values ('kept')`);
    });
    const bodies = rowsOf<{ body: string }>(await handle.db.execute(sql`select body from worker_notes order by id`));
    expect(bodies.map((row) => row.body)).toEqual(['kept']);
  });

  it('gives each of many concurrent queries its own answer, and runs concurrent transactions one after the other', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => selectOne<{ value: number }>(handle.db, sql`select ${index}::int as value`)));
    expect(answers.map((answer) => answer.value)).toEqual(Array.from({ length: 40 }, (_, index) => index));

    await handle.db.execute(sql`create table worker_counter (value int not null)`);
    await handle.db.execute(sql`insert into worker_counter values (0)`);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        handle.db.transaction(async (tx) => {
          const { value } = await selectOne<{ value: number }>(tx as unknown as Db, sql`select value from worker_counter`);
          await tx.execute(sql`update worker_counter set value = ${value + 1}`);
        }),
      ),
    );
    expect(await selectOne<{ value: number }>(handle.db, sql`select value from worker_counter`)).toEqual({ value: 10 });
  });

  it('reports a failing statement to its caller and goes on serving', async () => {
    // drizzle wraps the driver's error ("Failed query: ...") and keeps it as the cause.
    await expect(handle.db.execute(sql`select 1 / 0`)).rejects.toMatchObject({ cause: { message: 'division by zero' } });
    expect(await selectOne<{ two: number }>(handle.db, sql`select 2 as two`)).toEqual({ two: 2 });
  });
});

describe('the embedded database in a data folder', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'participa-pglite-worker-'));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('closes cleanly: the data is there after reopening and sequences do not jump', async () => {
    const dataDir = path.join(folder, 'pglite');
    const first = await openDatabase({ dataDir });
    await first.db.execute(sql`create table worker_rows (id serial primary key)`);
    await first.db.execute(sql`insert into worker_rows default values`);
    await first.db.execute(sql`insert into worker_rows default values`);
    await first.close();
    await expect(first.db.execute(sql`select 1`)).rejects.toThrow();

    const second = await openDatabase({ dataDir });
    try {
      await second.db.execute(sql`insert into worker_rows default values`);
      const ids = rowsOf<{ id: number }>(await second.db.execute(sql`select id from worker_rows order by id`));
      expect(ids.map((row) => row.id)).toEqual([1, 2, 3]);
    } finally {
      await second.close();
    }
  }, OPENING_TWICE_TIMEOUT_MS);

  it('refuses to open where no folder can be made, and opens afterwards where one can', async () => {
    const notAFolder = path.join(folder, 'a-file');
    writeFileSync(notAFolder, 'not a database');
    await expect(openDatabase({ dataDir: path.join(notAFolder, 'pglite') })).rejects.toThrow(/could not be opened/);
    const handle = await openDatabase({ dataDir: path.join(folder, 'after-failure') });
    await handle.close();
  }, OPENING_TWICE_TIMEOUT_MS);
});

describe('a server process on the embedded database', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'participa-pglite-shutdown-'));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('closes the database in its thread on SIGTERM and exits cleanly: sequences go on where they stopped', async () => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const { child, output, exited } = await spawnServer({
      label: 'embedded database process',
      args: ['--import', 'tsx', 'tests/integration/support/embedded-database-process.ts'],
      env: { ...inherited, DATA_DIR: folder },
      readyText: 'ready',
      timeoutMs: OPENING_TWICE_TIMEOUT_MS,
    });
    child.kill('SIGTERM');
    await exited;
    expect(child.exitCode, output()).toBe(0);

    const reopened = await openDatabase({ dataDir: path.join(folder, 'pglite') });
    try {
      await reopened.db.execute(sql`insert into shutdown_rows default values`);
      const ids = rowsOf<{ id: number }>(await reopened.db.execute(sql`select id from shutdown_rows order by id`));
      expect(ids.map((row) => row.id)).toEqual([1, 2, 3]);
    } finally {
      await reopened.close();
    }
  }, 2 * OPENING_TWICE_TIMEOUT_MS);
});

describe('PGlite on the calling thread, as the app had it before', () => {
  it('stops the event loop for as long as a large statement runs', async () => {
    const pglite = new PGlite();
    try {
      await pglite.waitReady;
      expect(await eventLoopTurnsDuring(() => pglite.query(LARGE_STATEMENT))).toBe(0);
    } finally {
      await pglite.close();
    }
  }, OPENING_TWICE_TIMEOUT_MS);
});
