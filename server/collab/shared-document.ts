// One shared document held in memory by this process: its Yjs state, its awareness
// (presence), the connections editing it, and the queue that writes updates to the
// store before anyone else is told of them.
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabAccess } from '@/lib/collab/token';
import type { DocumentBus } from './bus';
import type { CollabLogger } from './logger';
import {
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeAwarenessStates,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  isEmptyUpdate,
  type AwarenessEntry,
} from './protocol';
import type { CollabStore, StoredUpdate } from './store';

/** What the document needs from a connection. */
export interface DocumentPeer {
  readonly id: number;
  readonly userId: string;
  readonly access: CollabAccess;
  send(message: Uint8Array): void;
}

/** Origins of changes that did not come from a local client. */
const LOADED_FROM_STORE = Symbol('loaded from store');
const FROM_OTHER_PROCESS = Symbol('from another process');

/** A connection may speak for this many awareness client ids (a tab has one). */
const MAX_CLIENT_IDS_PER_PEER = 4;
/** Compact once this many updates have been stored since the last compaction. */
const COMPACT_AFTER_UPDATES = 500;

interface PendingUpdate extends StoredUpdate {
  origin: DocumentPeer | null;
}

export class SharedDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly peers = new Set<DocumentPeer>();
  /** Awareness client ids each peer speaks for, and the reverse lookup. */
  private readonly clientIdsOf = new Map<DocumentPeer, Set<number>>();
  private readonly ownerOf = new Map<number, DocumentPeer>();

  private pending: PendingUpdate[] = [];
  private persisting: Promise<void> | null = null;
  private storedSinceCompaction = 0;
  private isClosed = false;

  constructor(
    readonly name: string,
    private readonly store: CollabStore,
    private readonly bus: DocumentBus | null,
    private readonly log: CollabLogger,
  ) {
    // The server speaks for nobody in awareness.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocumentUpdate(update, origin));
    this.awareness.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(changes, origin),
    );
  }

  async load(): Promise<void> {
    const parts = await this.store.loadDocument(this.name);
    Y.transact(this.doc, () => parts.forEach((part) => Y.applyUpdate(this.doc, part)), LOADED_FROM_STORE);
    await this.bus?.subscribe(this.name, {
      onUpdate: (update) => Y.applyUpdate(this.doc, update, FROM_OTHER_PROCESS),
      onAwareness: (update) => applyAwarenessUpdate(this.awareness, update, FROM_OTHER_PROCESS),
      stateVector: () => Y.encodeStateVector(this.doc),
      missingFor: (stateVector) => {
        const diff = Y.encodeStateAsUpdate(this.doc, stateVector);
        return isEmptyUpdate(diff) ? null : diff;
      },
    });
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** A new connection: it gets our state vector and everyone's presence. */
  addPeer(peer: DocumentPeer): void {
    this.peers.add(peer);
    this.clientIdsOf.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) peer.send(encodeAwarenessStates(this.awareness, present));
  }

  removePeer(peer: DocumentPeer): void {
    this.peers.delete(peer);
    const clientIds = [...(this.clientIdsOf.get(peer) ?? [])];
    this.clientIdsOf.delete(peer);
    clientIds.forEach((clientId) => this.ownerOf.delete(clientId));
    // Others see the person leave at once rather than after the awareness timeout.
    if (clientIds.length > 0) removeAwarenessStates(this.awareness, clientIds, null);
  }

  /** Sync step 1 from a peer: answer with what it lacks, once all of it is stored. */
  async answerSyncStep1(peer: DocumentPeer, stateVector: Uint8Array): Promise<void> {
    await this.whenStored();
    if (this.peers.has(peer)) peer.send(encodeSyncStep2(this.doc, stateVector));
  }

  /** Sync step 2 or an update from a peer, already decoded and checked. */
  receiveUpdate(peer: DocumentPeer, update: Uint8Array): void {
    if (peer.access !== 'edit') {
      // Read-only: nothing of it is applied, stored or passed on. An empty step 2 is
      // what every client sends on connecting and needs no answer.
      if (!isEmptyUpdate(update)) peer.send(encodePermissionDenied('This document is read-only for you.'));
      return;
    }
    Y.applyUpdate(this.doc, update, peer);
  }

  /**
   * An awareness update from a peer, already decoded. The official client relays every
   * awareness change it hears, so entries about other people at a clock we already
   * have are routine echoes and are dropped quietly. A newer entry for a client id
   * another connection speaks for is an attempt to impersonate: it is dropped and
   * returned so the connection can log it. Returns the rejected client ids.
   */
  receiveAwareness(peer: DocumentPeer, entries: readonly AwarenessEntry[]): number[] {
    // Presence is for editors; what a read-only connection sends reaches no one.
    if (peer.access !== 'edit') return [];
    const owned = this.clientIdsOf.get(peer);
    if (!owned) return [];
    const accepted: AwarenessEntry[] = [];
    const rejected: number[] = [];
    for (const entry of entries) {
      const owner = this.ownerOf.get(entry.clientId);
      if (owner === peer) {
        accepted.push(entry);
        continue;
      }
      const known = this.awareness.meta.get(entry.clientId);
      const isEcho = entry.state === null || (known !== undefined && entry.clock <= known.clock);
      if (isEcho) continue;
      if (owner || known || owned.size >= MAX_CLIENT_IDS_PER_PEER) {
        rejected.push(entry.clientId);
        continue;
      }
      owned.add(entry.clientId);
      this.ownerOf.set(entry.clientId, peer);
      accepted.push(entry);
    }
    if (accepted.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), peer);
    return rejected;
  }

  answerAwarenessQuery(peer: DocumentPeer): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) peer.send(encodeAwarenessStates(this.awareness, present));
  }

  /** Resolves once every update applied so far is in the store. */
  whenStored(): Promise<void> {
    return this.persisting ?? Promise.resolve();
  }

  /** Stores what is pending and compacts; the document is not used afterwards. */
  async close(): Promise<void> {
    this.isClosed = true;
    await this.whenStored();
    await this.bus?.unsubscribe(this.name);
    if (this.storedSinceCompaction > 0) {
      await this.store.compactDocument(this.name).catch((error: unknown) => this.log.error(`compacting ${this.name} failed`, error));
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  private onDocumentUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOADED_FROM_STORE) return;
    if (origin === FROM_OTHER_PROCESS) {
      // Already stored by the process that received it; ours only need to hear of it.
      this.broadcast(encodeUpdateMessage(update), null);
      return;
    }
    const peer = this.isPeer(origin) ? origin : null;
    this.pending.push({ update, userId: peer?.userId ?? null, origin: peer });
    this.persisting ??= this.persistPending();
  }

  /**
   * Writes everything pending in one batch, then tells others; repeats while updates
   * arrived during the write. Updates are stored before anyone else sees them, so a
   * crash can only lose what nobody but its author had.
   */
  private async persistPending(): Promise<void> {
    let delayMs = 100;
    while (this.pending.length > 0) {
      const batch = this.pending;
      try {
        await this.store.appendUpdates(this.name, batch.map(({ update, userId }) => ({ update, userId })));
      } catch (error) {
        this.log.error(`storing ${batch.length} update(s) of ${this.name} failed; retrying`, error);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 5000);
        continue;
      }
      delayMs = 100;
      this.pending = this.pending.slice(batch.length);
      for (const { update, origin } of batch) {
        this.bus?.publishUpdate(this.name, update);
        this.broadcast(encodeUpdateMessage(update), origin);
      }
      this.storedSinceCompaction += batch.length;
    }
    this.persisting = null;
    if (this.storedSinceCompaction >= COMPACT_AFTER_UPDATES && !this.isClosed) {
      this.storedSinceCompaction = 0;
      this.store.compactDocument(this.name).catch((error: unknown) => this.log.error(`compacting ${this.name} failed`, error));
    }
  }

  private onAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwarenessMessage(update), null);
    if (origin !== FROM_OTHER_PROCESS) this.bus?.publishAwareness(this.name, update);
  }

  private broadcast(message: Uint8Array, except: DocumentPeer | null): void {
    for (const peer of this.peers) {
      if (peer !== except) peer.send(message);
    }
  }

  private isPeer(origin: unknown): origin is DocumentPeer {
    return typeof origin === 'object' && origin !== null && this.peers.has(origin as DocumentPeer);
  }
}
