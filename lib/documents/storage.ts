// Where the bytes of uploaded files live. Documents refer to stored files by id only,
// so the bytes can move (to object storage, say) without touching anything else; the
// database store keeps them in the same transaction as the row that refers to them.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { storedFiles } from '@/db/schema';
import { AppError } from '@/lib/errors';

export interface FileStorage {
  /** Stores the bytes and returns the id to get them back with. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes, or null when no file has this id. */
  get(id: string): Promise<Uint8Array | null>;
  /** Forgets the file; removing one that is gone already is not an error. */
  remove(id: string): Promise<void>;
}

/**
 * The stored_files table; pass a transaction to store together with other rows.
 *
 * Bytes travel as base64 text and are converted by the database. PGlite turns a bytea
 * parameter or result into hex one byte at a time in JavaScript: 20 MB took about 6 s
 * to store and 2 s to read, blocking every other request meanwhile; as base64 it takes
 * half a second. On PostgreSQL base64 is a little faster than bytea too.
 */
export function databaseFileStorage(db: Db): FileStorage {
  return {
    async put(bytes) {
      const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
      const [stored] = await db
        .insert(storedFiles)
        .values({ bytes: sql`decode(${base64}, 'base64')` })
        .returning({ id: storedFiles.id });
      if (!stored) throw new AppError('internal', { detail: 'insert into stored_files returned no row' });
      return stored.id;
    },
    async get(id) {
      const [stored] = await db
        .select({ base64: sql<string>`encode(${storedFiles.bytes}, 'base64')` })
        .from(storedFiles)
        .where(eq(storedFiles.id, id))
        .limit(1);
      if (!stored) return null;
      // PostgreSQL breaks base64 into lines; Node's decoder skips the line breaks.
      const decoded = Buffer.from(stored.base64, 'base64');
      return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    },
    async remove(id) {
      await db.delete(storedFiles).where(eq(storedFiles.id, id));
    },
  };
}

/** The in-memory twin, for tests of code that only needs somewhere to keep bytes. */
export function memoryFileStorage(): FileStorage {
  const files = new Map<string, Uint8Array>();
  return {
    async put(bytes) {
      const id = randomUUID();
      // A copy, so a caller reusing its buffer cannot change what was stored.
      files.set(id, bytes.slice());
      return id;
    },
    async get(id) {
      return files.get(id)?.slice() ?? null;
    },
    async remove(id) {
      files.delete(id);
    },
  };
}
