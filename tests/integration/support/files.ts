// Reading what the file store holds, for tests: a stored file's bytes, and the files in
// the process's store folder (FILES_DIR, a temporary folder per test file: tests/support/file-store.ts).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { filesFolder, type StoredContent } from '@/lib/documents/storage';

export async function readAll(content: StoredContent): Promise<Buffer> {
  return Buffer.from(await new Response(content.stream()).arrayBuffer());
}

/** Every file in the store folder, partial writes included, as paths relative to it. */
export async function filesOnDisk(folder = filesFolder()): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}
