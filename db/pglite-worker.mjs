// The embedded database's own thread: one PGlite, serving the PostgreSQL wire protocol
// to the app's postgres.js client over MessagePorts (db/pglite-thread.ts is the other
// end). PGlite runs its WASM on the thread that calls it, so here a large statement
// stalls only this thread, never the app's HTTP requests and websockets.
//
// Plain JavaScript on purpose: a worker file is loaded by Node itself, outside every
// TypeScript loader and bundler (tsx, vitest, Next.js's server bundles), so it has to
// run as it is.
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** Frontend message "Terminate" ('X'): the client is leaving. */
const TERMINATE = 0x58;
/** Frontend message "Sync" ('S', length 4): ends an extended-protocol exchange. */
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]);

if (!parentPort) throw new Error('db/pglite-worker.mjs runs only as a worker thread');
const parent = parentPort;

/** @type {{ dataDir?: string }} */
const { dataDir } = workerData ?? {};

/**
 * The wire protocol has one session per connection, and PGlite is one backend: one
 * session. So connections take turns: the next one starts when the last one ended,
 * and a client must not hold two at once (the app's client keeps one, max: 1).
 */
let sessionTurn = Promise.resolve();
/** @type {Set<import('node:worker_threads').MessagePort>} */
const openPorts = new Set();
/** @type {WeakSet<import('node:worker_threads').MessagePort>} */
const closedPorts = new WeakSet();
let isClosing = false;

/**
 * Everything after the startup packet: complete messages up to (not including) a
 * Terminate, and whether the client sent one.
 * @param {Buffer} pending
 * @returns {{ length: number, isTerminated: boolean }}
 */
function completeMessages(pending) {
  let offset = 0;
  while (offset + 5 <= pending.length) {
    if (pending[offset] === TERMINATE) return { length: offset, isTerminated: true };
    const end = offset + 1 + pending.readInt32BE(offset + 1);
    if (end > pending.length) break;
    offset = end;
  }
  return { length: offset, isTerminated: false };
}

/**
 * Runs wire-protocol bytes on PGlite and sends back what Postgres answered, in copies:
 * PGlite's output lives in buffers it reuses.
 * @param {import('node:worker_threads').MessagePort} port
 * @param {Uint8Array} message
 */
async function run(port, message) {
  /** @type {Uint8Array[]} */
  const answer = [];
  await db.runExclusive(() => db.execProtocolRawStream(message, { onRawData: (bytes) => answer.push(bytes.slice()) }));
  if (answer.length > 0) {
    port.postMessage(
      answer,
      answer.map((bytes) => bytes.buffer),
    );
  }
}

/**
 * One client connection, from its startup packet to its end.
 * @param {import('node:worker_threads').MessagePort} port
 * @returns {Promise<void>} settles when the connection has ended
 */
function serve(port) {
  return new Promise((resolve) => {
    // The client gave up while waiting for its turn.
    if (closedPorts.has(port) || isClosing) return resolve();
    let pending = Buffer.alloc(0);
    let isStarted = false;
    let isEnded = false;
    let work = Promise.resolve();

    const end = () => {
      if (isEnded) return;
      isEnded = true;
      port.close();
      openPorts.delete(port);
      // A client that left mid-transaction (or mid-exchange) must not leave the next
      // one inside it.
      work = work
        .then(async () => {
          // Closing the database ends any transaction anyway.
          if (isClosing) return;
          await db.runExclusive(() => db.execProtocolRaw(SYNC_MESSAGE));
          if (db.isInTransaction()) await db.exec('ROLLBACK');
        })
        .catch((error) => console.error('pglite worker: ending a connection failed', error))
        .finally(resolve);
    };

    const drain = async () => {
      if (isEnded || isClosing) return;
      if (!isStarted) {
        // The startup packet: a length, then the protocol version and parameters.
        if (pending.length < 4 || pending.length < pending.readInt32BE(0)) return;
        const length = pending.readInt32BE(0);
        const startup = pending.subarray(0, length);
        pending = pending.subarray(length);
        isStarted = true;
        await run(port, startup);
      }
      const { length, isTerminated } = completeMessages(pending);
      if (length > 0) {
        const messages = pending.subarray(0, length);
        pending = pending.subarray(length);
        await run(port, messages);
      }
      if (isTerminated) end();
    };

    port.on('message', (/** @type {Uint8Array} */ chunk) => {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
      work = work.then(drain).catch((error) => {
        console.error('pglite worker: a connection failed', error);
        end();
      });
    });
    port.on('close', end);
  });
}

/** @type {PGlite} */
let db;
try {
  // PGlite does not create missing parent folders itself.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  db = new PGlite(dataDir);
  await db.waitReady;
  parent.postMessage({ type: 'ready' });
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error));
  parent.postMessage({ type: 'failed', message: failure.message, stack: failure.stack });
  parent.close();
  process.exit(1);
}

parent.on('message', async (/** @type {{ type: 'connect', port: import('node:worker_threads').MessagePort } | { type: 'close' }} */ message) => {
  if (message.type === 'connect') {
    const { port } = message;
    if (isClosing) {
      port.close();
      return;
    }
    openPorts.add(port);
    port.once('close', () => {
      closedPorts.add(port);
      openPorts.delete(port);
    });
    sessionTurn = sessionTurn.then(() => serve(port));
    return;
  }
  if (message.type === 'close' && !isClosing) {
    isClosing = true;
    // Connections still open end now; PGlite's close waits for a statement under way.
    for (const port of openPorts) port.close();
    try {
      await db.close();
      parent.postMessage({ type: 'closed' });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      parent.postMessage({ type: 'closed', message: failure.message });
    }
    parent.close();
  }
});
