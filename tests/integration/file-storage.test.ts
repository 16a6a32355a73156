// The file store's contract, run against every backend: the folder on disk that
// production uses and the in-memory twin tests may use. Uploads are streamed in, their
// type judged from the first bytes as they arrive and their size counted; whatever is
// refused or fails half-way leaves nothing behind.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderFileStorage } from '@/lib/documents/file-stores/folder';
import { memoryFileStorage, storeUpload, UploadRefusedError, type FileStorage } from '@/lib/documents/storage';
import { readAll } from './support/files';

const pdfHeader = new TextEncoder().encode('%PDF-1.4\n');
/** What issue 13's filings carried: random bytes after a PDF header, so the type check accepts it. */
const pdfLike = (byteCount: number) => Buffer.concat([pdfHeader, randomBytes(byteCount - pdfHeader.byteLength)]);
/** Every byte value, so an encoding slip anywhere between upload and download shows. */
const allByteValues = Uint8Array.from({ length: 70_000 }, (_, index) => index % 256);

/** `pieces` chunks of `bytes` each, counting how many the reader pulled; endless when `pieces` is Infinity. */
function countedStream(makeChunk: (index: number) => Uint8Array, pieces = Number.POSITIVE_INFINITY) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= pieces) return controller.close();
      controller.enqueue(makeChunk(counter.pulled));
      counter.pulled += 1;
    },
  });
  return { stream, counter };
}

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function newFolderStore() {
  const folder = await mkdtemp(path.join(tmpdir(), 'participa-store-'));
  folders.push(folder);
  return folderFileStorage(folder);
}

const backends: Array<{ name: string; open: () => Promise<FileStorage> }> = [
  { name: 'folder', open: newFolderStore },
  { name: 'memory', open: async () => memoryFileStorage() },
];

const everything = () => new Date(Date.now() + 60_000);
async function idsIn(storage: FileStorage): Promise<string[]> {
  const ids: string[] = [];
  for await (const id of storage.list(everything())) ids.push(id);
  return ids;
}

describe.each(backends)('the $name file store', ({ open }) => {
  it('gives back exactly what it was given, as a stream with its size, until removed', async () => {
    const storage = await open();
    const { id, byteSize } = await storage.put(new Blob([allByteValues]));
    expect(byteSize).toBe(allByteValues.byteLength);
    const content = await storage.open(id);
    expect(content?.byteSize).toBe(allByteValues.byteLength);
    expect((await readAll(content!)).equals(Buffer.from(allByteValues))).toBe(true);
    // Each call is a fresh stream: a file can be sent twice.
    expect((await readAll(content!)).byteLength).toBe(allByteValues.byteLength);
    expect(await idsIn(storage)).toEqual([id]);

    await storage.remove(id);
    expect(await storage.open(id)).toBeNull();
    expect(await idsIn(storage)).toEqual([]);
    await expect(storage.remove(id)).resolves.toBeUndefined();
    expect(await storage.open(randomUUID())).toBeNull();
  });

  it('takes a stream of unknown length as well as a File', async () => {
    const storage = await open();
    const { stream } = countedStream((index) => allByteValues.subarray(index * 1000, (index + 1) * 1000), 70);
    const { id, byteSize } = await storage.put(stream);
    expect(byteSize).toBe(70_000);
    expect((await readAll((await storage.open(id))!)).equals(Buffer.from(allByteValues))).toBe(true);
  });

  it('stores under a given id, replacing what was there', async () => {
    const storage = await open();
    const id = randomUUID();
    await storage.put(new Blob(['first']), { id });
    await storage.put(new Blob(['second']), { id });
    expect((await readAll((await storage.open(id))!)).toString()).toBe('second');
    expect(await idsIn(storage)).toEqual([id]);
  });

  it('stops a stream at the first byte over the limit and keeps nothing of it', async () => {
    const storage = await open();
    const { stream, counter } = countedStream(() => new Uint8Array(64 * 1024));
    await expect(storage.put(stream, { maxBytes: 1024 * 1024 })).rejects.toEqual(new UploadRefusedError('fileTooLarge'));
    expect(counter.pulled).toBeLessThan(20);
    expect(await idsIn(storage)).toEqual([]);
  });

  it('refuses a File larger than the limit without reading it', async () => {
    const storage = await open();
    await expect(storage.put(new Blob([new Uint8Array(2048)]), { maxBytes: 2047 })).rejects.toEqual(new UploadRefusedError('fileTooLarge'));
    expect(await idsIn(storage)).toEqual([]);
  });

  it('stops as soon as the inspector refuses, and keeps nothing', async () => {
    const storage = await open();
    const { stream, counter } = countedStream(() => new Uint8Array(64 * 1024));
    const inspect = async (content: ReadableStream<Uint8Array>) => {
      await content.getReader().read();
      throw new UploadRefusedError('fileTypeNotAccepted');
    };
    await expect(storage.put(stream, { inspect })).rejects.toEqual(new UploadRefusedError('fileTypeNotAccepted'));
    expect(counter.pulled).toBeLessThan(10);
    expect(await idsIn(storage)).toEqual([]);
  });

  it('keeps nothing of an upload that breaks off', async () => {
    const storage = await open();
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 3) controller.error(new Error('connection reset'));
        else controller.enqueue(new Uint8Array(1000));
      },
    });
    await expect(storage.put(broken)).rejects.toThrow('connection reset');
    expect(await idsIn(storage)).toEqual([]);
  });

  it('lists only what was written before the given moment', async () => {
    const storage = await open();
    const { id } = await storage.put(new Blob(['x']));
    expect(await idsIn(storage)).toEqual([id]);
    const none: string[] = [];
    for await (const listed of storage.list(new Date(Date.now() - 60_000))) none.push(listed);
    expect(none).toEqual([]);
  });

  describe('uploads, checked by type on the stream', () => {
    it('accepts a file whose first bytes are a PDF, random as the rest may be, and stores it whole', async () => {
      const storage = await open();
      const bytes = pdfLike(3 * 1024 * 1024);
      const stored = await storeUpload({ file: new Blob([bytes]), fileName: 'evidence.pdf', maxBytes: 10 * 1024 * 1024 }, storage);
      expect(stored).toMatchObject({ ok: true, contentType: 'application/pdf', safeFileName: 'evidence.pdf', byteSize: bytes.byteLength });
      const fileId = (stored as { fileId: string }).fileId;
      expect((await readAll((await storage.open(fileId))!)).equals(bytes)).toBe(true);
    });

    it('refuses random bytes, reading only their start, and keeps nothing', async () => {
      const storage = await open();
      const { stream, counter } = countedStream(() => randomBytes(64 * 1024));
      expect(await storeUpload({ file: stream, fileName: 'evidence.pdf' }, storage)).toEqual({ ok: false, fieldError: 'fileTypeNotAccepted' });
      expect(counter.pulled).toBeLessThan(10);
      expect(await idsIn(storage)).toEqual([]);
    });

    it('accepts exactly the limit and aborts one byte over it, leaving no file', async () => {
      const storage = await open();
      const limit = 2 * 1024 * 1024;
      expect(await storeUpload({ file: new Blob([pdfLike(limit)]), fileName: 'a.pdf', maxBytes: limit }, storage)).toMatchObject({ ok: true, byteSize: limit });
      const [kept] = await idsIn(storage);

      // A stream does not announce its size: it is counted as it arrives.
      const over = pdfLike(limit + 1);
      const { stream } = countedStream((index) => over.subarray(index * 65_536, (index + 1) * 65_536), Math.ceil(over.byteLength / 65_536));
      expect(await storeUpload({ file: stream, fileName: 'b.pdf', maxBytes: limit }, storage)).toEqual({ ok: false, fieldError: 'fileTooLarge' });
      expect(await storeUpload({ file: new Blob([over]), fileName: 'b.pdf', maxBytes: limit }, storage)).toEqual({ ok: false, fieldError: 'fileTooLarge' });
      expect(await idsIn(storage)).toEqual([kept]);
    });

    it('refuses an empty file', async () => {
      const storage = await open();
      expect(await storeUpload({ file: new Blob([]), fileName: 'a.pdf' }, storage)).toEqual({ ok: false, fieldError: 'fileEmpty' });
      expect(await storeUpload({ file: countedStream(() => new Uint8Array(), 3).stream, fileName: 'a.pdf' }, storage)).toEqual({ ok: false, fieldError: 'fileEmpty' });
      expect(await idsIn(storage)).toEqual([]);
    });
  });
});

describe('the folder file store on disk', () => {
  it('keeps each file under its id in a folder named by the id, and no partial file anywhere', async () => {
    const storage = await newFolderStore();
    const { id } = await storage.put(new Blob([allByteValues]));
    expect(storage.pathOf(id)).toBe(path.join(storage.root, id.slice(0, 2), id));
    expect((await stat(storage.pathOf(id))).size).toBe(allByteValues.byteLength);

    await expect(storage.put(new Blob([new Uint8Array(10)]), { maxBytes: 5 })).rejects.toBeInstanceOf(UploadRefusedError);
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(1000));
        controller.error(new Error('connection reset'));
      },
    });
    await expect(storage.put(broken, { id: randomUUID() })).rejects.toThrow('connection reset');
    expect(await readdir(path.join(storage.root, '.incoming'))).toEqual([]);
  });

  it('never reads or writes outside its folder, whatever the id', async () => {
    const storage = await newFolderStore();
    for (const id of ['../../etc/passwd', '..', 'a/b', '']) {
      expect(await storage.open(id)).toBeNull();
      await expect(storage.put(new Blob(['x']), { id })).rejects.toThrow('UUID');
    }
  });
});
