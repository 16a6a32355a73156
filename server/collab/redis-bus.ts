// The document bus over Redis pub/sub: one channel per document. Every message carries
// the sending process's id, so a process ignores its own messages and never publishes
// again what it received. Pub/sub may drop messages (a reconnect, a slow subscriber),
// so each process also publishes its state vector per document now and then and when
// it (re)subscribes; a process that has something the sender lacks answers with it.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { DocumentBus, DocumentBusHandlers } from './bus';
import type { CollabLogger } from './logger';

const KIND = { update: 1, awareness: 2, stateVector: 3, fill: 4 } as const;
const PROCESS_ID_BYTES = 16;
const CHANNEL_PREFIX = 'participa:collab:';

export interface RedisBusOptions {
  log: CollabLogger;
  /** How often state vectors are exchanged per document. */
  antiEntropyIntervalMs?: number;
}

export function createRedisBus(url: string, { log, antiEntropyIntervalMs = 5000 }: RedisBusOptions): DocumentBus {
  const processId = randomBytes(PROCESS_ID_BYTES);
  const publisher = new Redis(url, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url);
  const handlers = new Map<string, DocumentBusHandlers>();

  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: unknown) => log.error('redis connection error', error));
  }

  const publish = (document: string, kind: number, payload: Uint8Array) => {
    const message = Buffer.concat([Buffer.of(kind), processId, payload]);
    publisher.publish(`${CHANNEL_PREFIX}${document}`, message).catch((error: unknown) => log.error(`publishing on ${document} failed`, error));
  };
  const announceStateVector = (document: string, documentHandlers: DocumentBusHandlers) =>
    publish(document, KIND.stateVector, documentHandlers.stateVector());

  subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
    const document = channelBuffer.toString().slice(CHANNEL_PREFIX.length);
    const documentHandlers = handlers.get(document);
    if (!documentHandlers || message.length < 1 + PROCESS_ID_BYTES) return;
    if (message.subarray(1, 1 + PROCESS_ID_BYTES).equals(processId)) return;
    const payload = new Uint8Array(message.subarray(1 + PROCESS_ID_BYTES));
    try {
      switch (message[0]) {
        case KIND.update:
        case KIND.fill:
          documentHandlers.onUpdate(payload);
          break;
        case KIND.awareness:
          documentHandlers.onAwareness(payload);
          break;
        case KIND.stateVector:
          documentHandlers
            .missingFor(payload)
            .then((missing) => missing && publish(document, KIND.fill, missing))
            .catch((error: unknown) => log.error(`answering a state vector on ${document} failed`, error));
          break;
        default:
          log.warn(`unknown bus message kind ${message[0]} on ${document}`);
      }
    } catch (error) {
      log.error(`applying a bus message on ${document} failed`, error);
    }
  });

  // ioredis subscribes again by itself after a reconnect; what was published meanwhile
  // is lost, so ask the others for it.
  subscriber.on('ready', () => handlers.forEach((documentHandlers, document) => announceStateVector(document, documentHandlers)));

  const timer = setInterval(() => handlers.forEach((documentHandlers, document) => announceStateVector(document, documentHandlers)), antiEntropyIntervalMs);
  timer.unref();

  return {
    async subscribe(document, documentHandlers) {
      handlers.set(document, documentHandlers);
      await subscriber.subscribe(`${CHANNEL_PREFIX}${document}`);
      announceStateVector(document, documentHandlers);
    },
    async unsubscribe(document) {
      handlers.delete(document);
      await subscriber.unsubscribe(`${CHANNEL_PREFIX}${document}`).catch((error: unknown) => log.error(`unsubscribing ${document} failed`, error));
    },
    publishUpdate: (document, update) => publish(document, KIND.update, update),
    publishAwareness: (document, update) => publish(document, KIND.awareness, update),
    async close() {
      clearInterval(timer);
      handlers.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
