// The one way content enters any file store: read as a stream, counted as it arrives,
// and shown to an inspector (the type check) while it is being written, so neither the
// size limit nor a refused type waits for the whole upload, and no whole-file copy is
// ever made. Shared by every backend, so they refuse exactly alike.
import type { UploadRefusal } from '../file-check';

/** An upload as the form hands it (a File is a Blob), or any stream of bytes. */
export type FileSource = Blob | ReadableStream<Uint8Array>;

/** Thrown by put() when the content is refused; nothing stays behind. */
export class UploadRefusedError extends Error {
  constructor(readonly refusal: UploadRefusal) {
    super(`upload refused: ${refusal}`);
    this.name = 'UploadRefusedError';
  }
}

export interface PutOptions {
  /** Store under this id instead of a new one (moving a file out of the database); replaces a file of that id. */
  id?: string;
  /** More bytes than this refuse the upload as `fileTooLarge` as soon as they arrive. */
  maxBytes?: number;
  /**
   * Reads as much of the content as it needs, while the content is being written, and
   * throws (an UploadRefusedError) to refuse it. The upload completes only once it
   * has returned; reading stops being fed to it once it has.
   */
  inspect?: (content: ReadableStream<Uint8Array>) => Promise<void>;
}

/** The inspector reads ahead of the writer by at most this much before the writer waits. */
const INSPECTION_BUFFER_BYTES = 64 * 1024;

function inspectionFeed(inspect: NonNullable<PutOptions['inspect']>) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isFeeding = true;
  let wake: (() => void) | null = null;
  const wakeWriter = () => {
    wake?.();
    wake = null;
  };
  const content = new ReadableStream<Uint8Array>(
    {
      start: (given) => {
        controller = given;
      },
      pull: wakeWriter,
      cancel: () => {
        isFeeding = false;
        wakeWriter();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: INSPECTION_BUFFER_BYTES }),
  );
  let refusal: unknown;
  const verdict = inspect(content).then(
    () => {
      isFeeding = false;
      wakeWriter();
    },
    (error: unknown) => {
      isFeeding = false;
      refusal = error ?? new Error('inspection failed');
      wakeWriter();
    },
  );
  const stopFeeding = (error?: Error) => {
    if (!isFeeding) return;
    isFeeding = false;
    try {
      if (error) controller.error(error);
      else controller.close();
    } catch {
      // Already closed by the inspector's cancel.
    }
  };
  return {
    throwIfRefused() {
      if (refusal !== undefined) throw refusal;
    },
    async push(chunk: Uint8Array) {
      if (!isFeeding) return;
      controller.enqueue(chunk);
      while (isFeeding && (controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (wake = resolve));
    },
    /** The end of the content: waits for the verdict. */
    async finish() {
      stopFeeding();
      await verdict;
      if (refusal !== undefined) throw refusal;
    },
    abandon() {
      stopFeeding(new Error('upload abandoned'));
    },
  };
}

/**
 * Reads `source` to its end, handing each chunk to `write`; returns the byte count.
 * Throws UploadRefusedError('fileTooLarge') past `maxBytes`, or the inspector's refusal,
 * as soon as either is known; the caller then discards what `write` received.
 */
export async function receive(source: FileSource, { maxBytes = Number.POSITIVE_INFINITY, inspect }: PutOptions, write: (chunk: Uint8Array) => Promise<void>): Promise<number> {
  // A File's size is known before a byte is read: refuse without reading.
  if (source instanceof Blob && source.size > maxBytes) throw new UploadRefusedError('fileTooLarge');
  const reader = (source instanceof Blob ? source.stream() : source).getReader();
  const feed = inspect ? inspectionFeed(inspect) : null;
  let byteSize = 0;
  try {
    for (;;) {
      feed?.throwIfRefused();
      const { done, value } = await reader.read();
      if (done) break;
      byteSize += value.byteLength;
      if (byteSize > maxBytes) throw new UploadRefusedError('fileTooLarge');
      await feed?.push(value);
      await write(value);
    }
    await feed?.finish();
    return byteSize;
  } catch (error) {
    feed?.abandon();
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
}
