// Starting and stopping the embedded database's worker thread (db/pglite-worker.mjs),
// and the sockets postgres.js talks to it through: each is a MessagePort carrying the
// PostgreSQL wire protocol, so the app uses the same driver for PGlite as for a real
// PostgreSQL, and nothing listens on a network port or a socket file.
import path from 'node:path';
import { Duplex } from 'node:stream';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { logError } from '@/lib/log';

// Found from the working directory, as the migrations are: Next.js bundles this module,
// and a path relative to the bundle would not lead to the file.
const WORKER_FILE = path.join(process.cwd(), 'db', 'pglite-worker.mjs');
/** How long a clean close may take before the thread is stopped regardless. */
const CLOSE_TIMEOUT_MS = 30_000;

export interface PgliteThread {
  /** A new connection to the database, for postgres.js's `socket` option. */
  connect(): Duplex;
  /** Closes PGlite in its thread (a statement under way finishes first), then ends the thread. */
  close(): Promise<void>;
}

type FromWorker = { type: 'ready' } | { type: 'failed'; message: string; stack?: string } | { type: 'closed'; message?: string };

/** A connection's client end: bytes written go to the worker, its answers are read. */
class WorkerSocket extends Duplex {
  constructor(private readonly port: MessagePort) {
    super();
    port.on('message', (chunks: Uint8Array[]) => {
      for (const chunk of chunks) this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    port.once('close', () => {
      this.push(null);
      this.destroy();
    });
  }

  /** postgres.js sends its goodbye only to a socket that says it is open. */
  get readyState(): 'open' | 'closed' {
    return this.destroyed || this.writableEnded ? 'closed' : 'open';
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // A copy of exactly these bytes, handed over without a second copy: a Buffer is often
    // a slice of a larger shared pool, which must not be sent along.
    const bytes = new Uint8Array(chunk);
    this.port.postMessage(bytes, [bytes.buffer]);
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.port.close();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.port.close();
    callback(error);
  }
}

/** Starts the worker and waits until PGlite is open in it; rejects (and ends the thread) if it cannot open. */
export async function startPgliteThread({ dataDir }: { dataDir: string | undefined }): Promise<PgliteThread> {
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir } });
  let hasExited = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      hasExited = true;
      resolve();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'ready') {
        cleanup();
        resolve();
      } else if (message.type === 'failed') {
        cleanup();
        reject(Object.assign(new Error(`the embedded database could not be opened: ${message.message}`), { cause: message.stack }));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`the embedded database's thread stopped while opening (exit code ${code})`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  let closing: Promise<void> | undefined;
  // Past this point a failing thread is logged, not thrown: connections to it end, and
  // every query (the health check's too) fails until the process is restarted.
  worker.on('error', (error) => logError('the embedded database thread failed', error));
  void exited.then(() => {
    if (!closing) logError('the embedded database thread stopped', new Error('unexpected exit'));
  });
  return {
    connect() {
      if (hasExited || closing) throw new Error('the embedded database is closed');
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ type: 'connect', port: port2 }, [port2]);
      return new WorkerSocket(port1);
    },
    close() {
      closing ??= (async () => {
        if (hasExited) return;
        const closed = new Promise<FromWorker>((resolve) => {
          const onMessage = (message: FromWorker) => {
            if (message.type !== 'closed') return;
            worker.off('message', onMessage);
            resolve(message);
          };
          worker.on('message', onMessage);
        });
        worker.postMessage({ type: 'close' });
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          closed,
          exited.then(() => undefined),
          new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS))),
        ]);
        clearTimeout(timer);
        await worker.terminate();
        if (outcome === 'timeout') throw new Error('the embedded database did not close in time; its thread was stopped');
        if (outcome?.type === 'closed' && outcome.message) throw new Error(`closing the embedded database failed: ${outcome.message}`);
      })();
      return closing;
    },
  };
}
