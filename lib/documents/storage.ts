// Where the bytes of uploaded files live, and the one module every feature stores, reads
// and removes them through (background documents, decision documents, grievance
// attachments). Rows name a file by the id of its stored_files row; the bytes are in a
// file store (a folder under DATA_DIR by default: file-stores/folder.ts), never in the
// rows pages read, so a large file costs the database nothing and blocks no request.
//
// Order of writes, since a file store is not part of the database's transaction: the
// file is written first (streamed, its type checked on the way), then the rows that name
// it in one transaction; if that fails, the file is removed. A file is removed after the
// transaction that deleted its row has committed. Whatever a crash leaves between the two
// (a file no row names) is removed by the sweep (file-maintenance.ts).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { storedFiles } from '@/db/schema';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { checkUpload, MAX_DOCUMENT_BYTES, type UploadRefusal } from './file-check';
import { folderFileStorage } from './file-stores/folder';
import { receive, UploadRefusedError, type FileSource, type PutOptions } from './file-stores/receive';

export { UploadRefusedError, type FileSource, type PutOptions } from './file-stores/receive';

/** A stored file ready to be sent: its size first (for Content-Length), then its bytes as they are read. */
export interface StoredContent {
  byteSize: number;
  /** A new stream of the bytes each time it is called. */
  stream(): ReadableStream<Uint8Array>;
}

export interface FileStorage {
  /**
   * Streams the content in under a new id (or `options.id`), counting bytes and letting
   * `options.inspect` judge the content as it arrives. A refused or failed write leaves
   * nothing behind, and a file is never readable half-written.
   */
  put(source: FileSource, options?: PutOptions): Promise<{ id: string; byteSize: number }>;
  /** The file, or null when no file has this id. */
  open(id: string): Promise<StoredContent | null>;
  /** Forgets the file; removing one that is gone already is not an error. */
  remove(id: string): Promise<void>;
  /** Ids of the files written before `writtenBefore` (for the sweep of files no row names). */
  list(writtenBefore: Date): AsyncIterable<string>;
}

function contentOf(bytes: Uint8Array): StoredContent {
  return { byteSize: bytes.byteLength, stream: () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream() };
}

/** The in-memory twin: the same contract (file-storage.test.ts runs against both), for tests. */
export function memoryFileStorage({ now = () => new Date() }: { now?: () => Date } = {}): FileStorage {
  const files = new Map<string, { bytes: Uint8Array; writtenAt: Date }>();
  return {
    async put(source, options = {}) {
      const id = options.id ?? randomUUID();
      const chunks: Uint8Array[] = [];
      // Copies, so a caller reusing its buffers cannot change what was stored.
      const byteSize = await receive(source, options, async (chunk) => void chunks.push(chunk.slice()));
      files.set(id, { bytes: Buffer.concat(chunks), writtenAt: now() });
      return { id, byteSize };
    },
    async open(id) {
      const file = files.get(id);
      return file ? contentOf(file.bytes.slice()) : null;
    },
    async remove(id) {
      files.delete(id);
    },
    async *list(writtenBefore) {
      for (const [id, { writtenAt }] of files) if (writtenAt < writtenBefore) yield id;
    },
  };
}

declare global {
  // One store per folder per process, however many times Next.js evaluates this module.
  var __participaFileStorage: { root: string; storage: FileStorage } | undefined;
}

/** Where this process keeps files: FILES_DIR, or `files` in DATA_DIR. */
export function filesFolder(): string {
  const { FILES_DIR, DATA_DIR } = env();
  return path.resolve(FILES_DIR ?? path.join(DATA_DIR, 'files'));
}

/** The file store of this process. */
export function fileStorage(): FileStorage {
  const root = filesFolder();
  if (globalThis.__participaFileStorage?.root !== root) globalThis.__participaFileStorage = { root, storage: folderFileStorage(root) };
  return globalThis.__participaFileStorage.storage;
}

export type StoredUpload =
  | { ok: true; fileId: string; byteSize: number; contentType: string; extension: string; safeFileName: string }
  | { ok: false; fieldError: UploadRefusal };

/**
 * Streams an upload into the store, its type read from its first bytes as they arrive
 * (file-check.ts) and its size counted: a refused type or a file over `maxBytes` stops
 * the upload there and leaves no file. The file belongs to nothing until a transaction
 * records it (recordStoredFiles); callers remove it if that fails (removeFilesIfFailed).
 */
export async function storeUpload(
  { file, fileName, maxBytes = MAX_DOCUMENT_BYTES }: { file: FileSource; fileName: string; maxBytes?: number },
  storage: FileStorage = fileStorage(),
): Promise<StoredUpload> {
  if (file instanceof Blob && file.size === 0) return { ok: false, fieldError: 'fileEmpty' };
  let type: Extract<Awaited<ReturnType<typeof checkUpload>>, { ok: true }> | undefined;
  try {
    const { id, byteSize } = await storage.put(file, {
      maxBytes,
      inspect: async (content) => {
        const checked = await checkUpload({ content, fileName });
        if (!checked.ok) throw new UploadRefusedError(checked.fieldError);
        type = checked;
      },
    });
    if (!type) throw new Error('the upload was stored without a type');
    return { ok: true, fileId: id, byteSize, contentType: type.contentType, extension: type.extension, safeFileName: type.safeFileName };
  } catch (error) {
    if (error instanceof UploadRefusedError) return { ok: false, fieldError: error.refusal };
    throw error;
  }
}

/** Stores content that needs no check (demo data, test fixtures) and records it, outside any other transaction. */
export async function storeTrustedFile(db: Db, source: FileSource, { createdAt }: { createdAt?: Date } = {}, storage: FileStorage = fileStorage()): Promise<{ fileId: string; byteSize: number }> {
  const { id, byteSize } = await storage.put(source);
  await removeFilesIfFailed([id], () => db.insert(storedFiles).values({ id, createdAt }), storage);
  return { fileId: id, byteSize };
}

/** Names stored files in the database; call it in the transaction that writes the rows referring to them. */
export async function recordStoredFiles(tx: Db, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length > 0) await tx.insert(storedFiles).values(fileIds.map((id) => ({ id })));
}

/** Deletes the rows of stored files, in the transaction that deletes the rows naming them; remove the files after it commits (removeFiles). */
export async function forgetStoredFiles(tx: Db, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length > 0) await tx.delete(storedFiles).where(inArray(storedFiles.id, [...fileIds]));
}

/** Removes files whose rows are gone (or were never written). A failure is logged, not thrown: the sweep removes the file later. */
export async function removeFiles(fileIds: readonly string[], storage: FileStorage = fileStorage()): Promise<void> {
  for (const id of fileIds) {
    await storage.remove(id).catch((error: unknown) => logError('removing a stored file failed (the sweep will retry)', error));
  }
}

/** Runs `write` (the transaction recording the files); if it fails, the files it would have recorded go. */
export async function removeFilesIfFailed<T>(fileIds: readonly string[], write: () => Promise<T>, storage: FileStorage = fileStorage()): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await removeFiles(fileIds, storage);
    throw error;
  }
}

/**
 * A stored file to send. Files stored before the file store kept their bytes in
 * stored_files; until the start-up move (file-maintenance.ts) has taken one out, it is
 * read from there.
 */
export async function openStoredFile(db: Db, fileId: string, storage: FileStorage = fileStorage()): Promise<StoredContent | null> {
  const content = await storage.open(fileId);
  if (content) return content;
  const [legacy] = await db
    .select({ base64: sql<string | null>`encode(${storedFiles.bytes}, 'base64')` })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId))
    .limit(1);
  if (!legacy) return null;
  // PostgreSQL breaks base64 into lines; Node's decoder skips the line breaks.
  if (legacy.base64 !== null) return contentOf(Buffer.from(legacy.base64, 'base64'));
  // Moved out between the two reads.
  return storage.open(fileId);
}
