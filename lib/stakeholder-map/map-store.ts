// A Y.Doc of a stakeholder map seen as a store of plain values, for React's
// useSyncExternalStore and for the benchmark. Reading the whole map after each of a
// burst of remote updates would be wasted work, so a change only marks the store
// stale and the map is read again when someone asks for it.
import * as Y from 'yjs';
import type { StakeholderMapState } from './model';
import { readStakeholderMap } from './document';

export interface DocumentStore<T> {
  /** Listens to the document while anyone listens to the store. */
  subscribe(onChange: () => void): () => void;
  /** The same value until the document changes. */
  getSnapshot(): T;
}

export function createDocumentStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): DocumentStore<T> {
  let snapshot: { value: T } | null = null;
  const listeners = new Set<() => void>();
  const onUpdate = () => {
    snapshot = null;
    for (const listener of listeners) listener();
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

export function createMapStore(doc: Y.Doc): DocumentStore<StakeholderMapState> {
  return createDocumentStore(doc, (source) => {
    const { stakeholders, relations } = readStakeholderMap(source);
    return { stakeholders, relations };
  });
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
