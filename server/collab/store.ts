// Where shared documents are kept. The collaboration server talks to this interface
// only; tests run one suite against every implementation (tests/integration/collab-store.test.ts).
import * as Y from 'yjs';

export interface StoredUpdate {
  update: Uint8Array;
  /** From the verified token; null for updates the server made itself. */
  userId: string | null;
}

export interface CollabStore {
  /** The document's stored state: its snapshot (if any) then every unmerged update, in order. */
  loadDocument(document: string): Promise<Uint8Array[]>;
  /** Stores a batch of updates and their history in one transaction. */
  appendUpdates(document: string, updates: readonly StoredUpdate[], at?: Date): Promise<void>;
  /**
   * Merges the snapshot and the unmerged updates into a new snapshot and deletes exactly
   * the updates it merged. Returns false without doing anything when another process
   * is compacting the same document.
   */
  compactDocument(document: string): Promise<boolean>;
  /** How many updates are waiting to be merged. */
  countUnmergedUpdates(document: string): Promise<number>;
}

/** Merges stored parts into one update; an empty document gives an empty update. */
export function mergeStoredState(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates([...parts]);
}

/** The in-memory twin, for tests and for trying the server without a database. */
export function createMemoryStore(): CollabStore {
  const snapshots = new Map<string, Uint8Array>();
  const updates = new Map<string, Uint8Array[]>();
  const compacting = new Set<string>();
  return {
    async loadDocument(document) {
      const snapshot = snapshots.get(document);
      return [...(snapshot ? [snapshot] : []), ...(updates.get(document) ?? [])];
    },
    async appendUpdates(document, batch) {
      updates.set(document, [...(updates.get(document) ?? []), ...batch.map((entry) => entry.update)]);
    },
    async compactDocument(document) {
      if (compacting.has(document)) return false;
      compacting.add(document);
      try {
        const merged = updates.get(document) ?? [];
        if (merged.length === 0) return true;
        const snapshot = snapshots.get(document);
        snapshots.set(document, mergeStoredState([...(snapshot ? [snapshot] : []), ...merged]));
        // Updates appended meanwhile stay: only the merged ones go.
        updates.set(document, (updates.get(document) ?? []).slice(merged.length));
        return true;
      } finally {
        compacting.delete(document);
      }
    },
    async countUnmergedUpdates(document) {
      return updates.get(document)?.length ?? 0;
    },
  };
}
