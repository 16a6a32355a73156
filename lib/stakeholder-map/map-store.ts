// A Y.Doc of a stakeholder map seen as a store of plain values, for React's
// useSyncExternalStore and for the benchmark. Reading the whole map after each of a
// burst of remote updates would be wasted work, so a change only marks the store
// stale and the map is read again when someone asks for it.
import * as Y from 'yjs';
import type { StakeholderMapState } from './model';
import { readStakeholderMap } from './document';

export interface MapStore {
  subscribe(onChange: () => void): () => void;
  /** The same object until the document changes. */
  getSnapshot(): StakeholderMapState;
  destroy(): void;
}

export function createMapStore(doc: Y.Doc): MapStore {
  let snapshot: StakeholderMapState | null = null;
  const listeners = new Set<() => void>();
  const onUpdate = () => {
    snapshot = null;
    for (const listener of listeners) listener();
  };
  doc.on('update', onUpdate);
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot() {
      if (!snapshot) {
        const { stakeholders, relations } = readStakeholderMap(doc);
        snapshot = { stakeholders, relations };
      }
      return snapshot;
    },
    destroy() {
      doc.off('update', onUpdate);
      listeners.clear();
    },
  };
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
