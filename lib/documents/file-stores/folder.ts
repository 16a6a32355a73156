// Files in a folder on disk (DATA_DIR/files, or FILES_DIR), one file per id in folders
// named by the id's first two characters, so no folder grows to hundreds of thousands of
// entries. A file is written under a temporary name in `.incoming`, flushed to disk,
// then renamed into place: a crash or a refused upload never leaves a partial file under
// a real id, and readers see a file whole or not at all. All file system calls are
// asynchronous, so a large upload or download never holds up the event loop.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { isUuid } from '@/lib/validation/uuid';
import type { FileStorage, StoredContent } from '../storage';
import { receive } from './receive';

const INCOMING = '.incoming';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** A rename is durable only once its folder is flushed too; not possible on every system, so best effort. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems (and Windows) cannot flush a folder; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

export function folderFileStorage(root: string): FileStorage & { readonly root: string; pathOf(id: string): string } {
  const incoming = path.join(root, INCOMING);
  // Ids come from our own rows, but the path must never be steerable anyway.
  const pathOf = (id: string) => {
    if (!isUuid(id)) throw new Error('a stored file id must be a UUID');
    const name = id.toLowerCase();
    return path.join(root, name.slice(0, 2), name);
  };

  return {
    root,
    pathOf,

    async put(source, options = {}) {
      const id = options.id ?? randomUUID();
      const target = pathOf(id);
      await mkdir(incoming, { recursive: true });
      const temporary = path.join(incoming, `${id}.${randomUUID()}.part`);
      const handle = await open(temporary, 'wx');
      let byteSize: number;
      try {
        byteSize = await receive(source, options, async (chunk) => {
          let written = 0;
          while (written < chunk.byteLength) written += (await handle.write(chunk, written)).bytesWritten;
        });
        await handle.datasync();
      } catch (error) {
        await handle.close().catch(() => {});
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      await syncFolder(path.dirname(target));
      return { id, byteSize };
    },

    async open(id) {
      if (!isUuid(id)) return null;
      const file = pathOf(id);
      try {
        const { size } = await stat(file);
        const content: StoredContent = {
          byteSize: size,
          stream: () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
        };
        return content;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async remove(id) {
      if (!isUuid(id)) return;
      try {
        await unlink(pathOf(id));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },

    async *list(writtenBefore) {
      const shards = await readdir(root, { withFileTypes: true }).catch((error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      });
      for (const shard of shards) {
        if (!shard.isDirectory()) continue;
        const folder = path.join(root, shard.name);
        if (shard.name === INCOMING) {
          // Parts of writes a crash interrupted: no row can name them.
          for (const part of await readdir(folder)) {
            const partPath = path.join(folder, part);
            const stats = await stat(partPath).catch(() => null);
            if (stats && stats.mtime < writtenBefore) await rm(partPath, { force: true });
          }
          continue;
        }
        for (const name of await readdir(folder)) {
          if (!isUuid(name)) continue;
          const stats = await stat(path.join(folder, name)).catch(() => null);
          if (stats?.isFile() && stats.mtime < writtenBefore) yield name;
        }
      }
    },
  };
}
