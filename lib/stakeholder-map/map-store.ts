// A Y.Doc of a stakeholder map seen as a store of plain values, for React's
// useSyncExternalStore and for the benchmark. Reading the whole map after each of a
// burst of remote updates would be wasted work, so a change only marks the store
// stale, listeners hear of it once per frame, and the map is read again when someone
// asks for it.
import * as Y from 'yjs';
import type { StakeholderMapState } from './model';
import { readStakeholderMap } from './document';

export interface DocumentStore<T> {
  /** Listens to the document while anyone listens to the store. */
  subscribe(onChange: () => void): () => void;
  /** The same value until the document changes. */
  getSnapshot(): T;
}

type Schedule = (callback: () => void) => void;

/** Once per frame in a browser; at once elsewhere (tests, the benchmark). */
const nextFrame: Schedule = (callback) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => callback()) : callback());

/**
 * A store over a document. Listeners hear of changes at most once per `schedule` tick:
 * remote updates arrive one websocket message at a time, and a burst of them would
 * otherwise render the page once per message.
 */
export function createDocumentStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, schedule: Schedule = nextFrame): DocumentStore<T> {
  let snapshot: { value: T } | null = null;
  let isNotifying = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    isNotifying = false;
    for (const listener of listeners) listener();
  };
  const onUpdate = () => {
    snapshot = null;
    if (isNotifying) return;
    isNotifying = true;
    schedule(notify);
  };
  return {
    subscribe(onChange) {
      if (listeners.size === 0) doc.on('update', onUpdate);
      listeners.add(onChange);
      // Changes made while nobody listened are not known: read afresh.
      snapshot = null;
      return () => {
        listeners.delete(onChange);
        if (listeners.size === 0) doc.off('update', onUpdate);
      };
    },
    getSnapshot() {
      snapshot ??= { value: read(doc) };
      return snapshot.value;
    },
  };
}

export function createMapStore(doc: Y.Doc, schedule?: Schedule): DocumentStore<StakeholderMapState> {
  return createDocumentStore(
    doc,
    (source) => {
      const { stakeholders, relations } = readStakeholderMap(source);
      return { stakeholders, relations };
    },
    schedule,
  );
}

/** Document state as text for a page to hand to the browser, and back. */
export function encodeDocumentState(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

export function decodeDocumentState(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
