// Keeping the file store and the stored_files rows in step: at start-up, files stored
// before the file store existed (bytes in their stored_files row) are moved out once;
// then, and every hour, files no row names are removed once they are an hour old (a
// transaction that failed after its file was written, a crash between a delete's commit
// and the file's removal, a process killed mid-write).
//
// Why a move at start-up rather than on first download: a rarely read file would
// otherwise stay in the database for ever, and every read would need two paths. Moving
// before the server listens stalls no request. Reads still fall back to the row
// (storage.ts openStoredFile), so another process starting at the same moment is safe.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { storedFiles } from '@/db/schema';
import { logError, logInfo } from '@/lib/log';
import { fileStorage, type FileStorage } from './storage';

/** A file younger than this may belong to a transaction still running. */
export const STRAY_FILE_AGE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_BATCH = 500;

/** Moves files whose bytes are in their stored_files row into the store, one at a time; returns how many. */
export async function moveFilesOutOfDatabase(db: Db, storage: FileStorage = fileStorage()): Promise<number> {
  let moved = 0;
  for (;;) {
    // One file per statement: a single large read is all any statement costs.
    const [legacy] = await db
      .select({ id: storedFiles.id, base64: sql<string>`encode(${storedFiles.bytes}, 'base64')` })
      .from(storedFiles)
      .where(isNotNull(storedFiles.bytes))
      .limit(1);
    if (!legacy) return moved;
    // The same id: the rows naming the file stay as they are. Written whole before the row lets go of its bytes.
    await storage.put(new Blob([Buffer.from(legacy.base64, 'base64')]), { id: legacy.id });
    await db.update(storedFiles).set({ bytes: null }).where(and(eq(storedFiles.id, legacy.id), isNotNull(storedFiles.bytes)));
    moved += 1;
  }
}

/** Removes the files written before `now` minus an hour that no stored_files row names; returns how many. */
export async function sweepStrayFiles(db: Db, { now = new Date(), storage = fileStorage() }: { now?: Date; storage?: FileStorage } = {}): Promise<number> {
  let removed = 0;
  let batch: string[] = [];
  const sweepBatch = async () => {
    const named = await db.select({ id: storedFiles.id }).from(storedFiles).where(inArray(storedFiles.id, batch));
    const kept = new Set(named.map((row) => row.id));
    for (const id of batch) {
      if (kept.has(id)) continue;
      await storage.remove(id);
      removed += 1;
    }
    batch = [];
  };
  for await (const id of storage.list(new Date(now.getTime() - STRAY_FILE_AGE_MS))) {
    batch.push(id);
    if (batch.length >= SWEEP_BATCH) await sweepBatch();
  }
  if (batch.length > 0) await sweepBatch();
  return removed;
}

/** At start-up: the move, a first sweep, then a sweep every hour (never keeping the process alive). */
export async function startFileMaintenance(db: Db, storage: FileStorage = fileStorage()): Promise<{ stop(): void }> {
  const moved = await moveFilesOutOfDatabase(db, storage);
  if (moved > 0) logInfo(`moved ${moved} stored files out of the database into the file store`);
  const sweep = () =>
    sweepStrayFiles(db, { storage })
      .then((removed) => {
        if (removed > 0) logInfo(`removed ${removed} stored files no row names`);
      })
      .catch((error: unknown) => logError('sweeping the file store failed', error));
  await sweep();
  const timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
