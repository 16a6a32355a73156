// One shared document held in memory by this process: its Yjs state, its awareness
// (presence), the connections editing it, and the queue that writes updates to the
// store before anyone else is told of them.
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { refusalReason, type UpdateRefusal } from '@/lib/collab/document-limits';
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
import { clientIdsIn, DocumentSizeBudget, longestStringIn, measureDocument, onlyDeletesExisting, type DecodedUpdate } from './update-check';

/** What the document needs from a connection. */
export interface DocumentPeer {
  readonly id: number;
  readonly userId: string;
  /** The name the verified token carries; presence shows this one, whatever the client says. */
  readonly userName: string;
  readonly access: CollabAccess;
  send(message: Uint8Array): void;
}

/** Origins of changes that did not come from a local client. */
const LOADED_FROM_STORE = Symbol('loaded from store');
const FROM_OTHER_PROCESS = Symbol('from another process');

/** A connection may speak for this many awareness client ids (a tab has one). */
const MAX_CLIENT_IDS_PER_PEER = 4;

/** What one document accepts; see lib/collab/document-limits.ts. */
export interface DocumentLimits {
  /** Largest encoded state; updates that would grow it past this are refused. */
  maxBytes: number;
  /** Longest string an update may carry. */
  longestText: number;
  /** Yjs client ids one connection may add to the document. */
  maxNewClientIdsPerPeer: number;
}
/**
 * When the update log of a loaded document is merged into its snapshot. Compaction
 * competes with the writes people are waiting for, so it waits for a pause in the
 * editing; a document edited without pause is compacted once its log gets long.
 */
export interface CompactionPolicy {
  /** Compact after this long without a stored update… */
  quietMs: number;
  /** …if at least this many updates were stored since the last compaction. */
  minUpdatesWhenQuiet: number;
  /** Compact at once, pause or not, when this many have been stored. */
  maxUpdates: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { quietMs: 2000, minUpdatesWhenQuiet: 100, maxUpdates: 10_000 };

/** Writes of one document that may be in flight at once; they are announced in order. */
const MAX_WRITES_IN_FLIGHT = 4;

interface PendingUpdate extends StoredUpdate {
  origin: DocumentPeer | null;
  /** Position in the order updates were applied here. */
  sequence: number;
}

interface Write {
  batch: PendingUpdate[];
  isStored: boolean;
}

export class SharedDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly peers = new Set<DocumentPeer>();
  /** Awareness client ids each peer speaks for, and the reverse lookup. */
  private readonly clientIdsOf = new Map<DocumentPeer, Set<number>>();
  private readonly ownerOf = new Map<number, DocumentPeer>();
  /** Who spoke for a client id before its connection closed, so the same user can come back. */
  private readonly formerUserOf = new Map<number, string>();
  /** Yjs client ids each peer brought into the document (not the awareness ones above). */
  private readonly writersBroughtBy = new Map<DocumentPeer, Set<number>>();
  private size: DocumentSizeBudget | null = null;

  private pending: PendingUpdate[] = [];
  private readonly writes: Write[] = [];
  private appliedSequence = 0;
  private announcedSequence = 0;
  private readonly storedWaiters: Array<{ sequence: number; resolve: () => void }> = [];
  private storedSinceCompaction = 0;
  private compactWhenQuiet: NodeJS.Timeout | undefined;
  /** Awareness client ids whose latest state came from another process. */
  private readonly remoteClientIds = new Set<number>();
  private isClosed = false;

  constructor(
    readonly name: string,
    private readonly store: CollabStore,
    private readonly bus: DocumentBus | null,
    private readonly log: CollabLogger,
    private readonly limits: DocumentLimits,
    private readonly compaction: CompactionPolicy = DEFAULT_COMPACTION,
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
    const size = new DocumentSizeBudget(
      { maxBytes: this.limits.maxBytes, measure: () => measureDocument(this.doc) },
      parts.reduce((total, part) => total + part.byteLength, 0),
    );
    this.size = size;
    await this.bus?.subscribe(this.name, {
      // Another process accepted it already; it counts towards the size all the same.
      onUpdate: (update) => {
        Y.applyUpdate(this.doc, update, FROM_OTHER_PROCESS);
        size.add(update.byteLength);
      },
      onAwareness: (update) => applyAwarenessUpdate(this.awareness, update, FROM_OTHER_PROCESS),
      stateVector: () => Y.encodeStateVector(this.doc),
      missingFor: async (stateVector) => {
        await this.whenStored();
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
    this.writersBroughtBy.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) peer.send(encodeAwarenessStates(this.awareness, present));
  }

  removePeer(peer: DocumentPeer): void {
    this.peers.delete(peer);
    const clientIds = [...(this.clientIdsOf.get(peer) ?? [])];
    this.clientIdsOf.delete(peer);
    this.writersBroughtBy.delete(peer);
    for (const clientId of clientIds) {
      this.ownerOf.delete(clientId);
      this.formerUserOf.set(clientId, peer.userId);
    }
    // Others see the person leave at once rather than after the awareness timeout.
    if (clientIds.length > 0) removeAwarenessStates(this.awareness, clientIds, null);
  }

  /** Sync step 1 from a peer: answer with what it lacks, once all of it is stored. */
  async answerSyncStep1(peer: DocumentPeer, stateVector: Uint8Array): Promise<void> {
    await this.whenStored();
    if (this.peers.has(peer)) peer.send(encodeSyncStep2(this.doc, stateVector));
  }

  /**
   * Sync step 2 or an update from a peer, already decoded. Applied (then stored, then
   * passed on) only when it fits the document's limits; otherwise nothing of it is
   * applied, stored or passed on, the peer is told why, and the refusal is returned
   * so the connection can count it.
   */
  receiveUpdate(peer: DocumentPeer, update: Uint8Array, decoded: DecodedUpdate): UpdateRefusal | null {
    if (peer.access !== 'edit') {
      // An empty step 2 is what every client sends on connecting and needs no answer.
      if (isEmptyUpdate(decoded)) return null;
      return this.refuse(peer, 'read-only');
    }
    if (longestStringIn(decoded) > this.limits.longestText) return this.refuse(peer, 'text-too-long');
    const brought = this.writersBroughtBy.get(peer);
    if (!brought) return null; // the peer left meanwhile
    const newWriters = [...clientIdsIn(decoded)].filter((client) => !brought.has(client) && !this.doc.store.clients.has(client));
    if (brought.size + newWriters.length > this.limits.maxNewClientIdsPerPeer) return this.refuse(peer, 'too-many-writers');
    const size = this.size!;
    if (onlyDeletesExisting(decoded, this.doc)) {
      Y.applyUpdate(this.doc, update, peer);
      size.markShrunk();
      return null;
    }
    if (!size.admits(update.byteLength)) return this.refuse(peer, 'document-too-large');
    newWriters.forEach((client) => brought.add(client));
    Y.applyUpdate(this.doc, update, peer);
    size.add(update.byteLength);
    return null;
  }

  /** Estimated size of the document in bytes (never below the real one), and its limit. */
  get sizeEstimate(): { bytes: number; maxBytes: number } {
    return { bytes: this.size?.estimatedBytes ?? 0, maxBytes: this.limits.maxBytes };
  }

  private refuse(peer: DocumentPeer, refusal: UpdateRefusal): UpdateRefusal {
    peer.send(encodePermissionDenied(refusalReason(refusal)));
    return refusal;
  }

  /**
   * An awareness update from a peer, already decoded. The official client relays every
   * awareness change it hears, so entries about other people at a clock we already
   * have are routine echoes and are dropped quietly. A connection may take a client id
   * that is new, that the same user held here before reconnecting, or whose state came
   * from another process (its tab moved here when that process went away). Anything
   * else about someone else's id is an attempt to impersonate: it is dropped and
   * returned so the connection can log it.
   */
  receiveAwareness(peer: DocumentPeer, entries: readonly AwarenessEntry[]): number[] {
    // Presence is for editors; what a read-only connection sends reaches no one.
    if (peer.access !== 'edit') return [];
    const owned = this.clientIdsOf.get(peer);
    if (!owned) return [];
    const accepted: AwarenessEntry[] = [];
    const rejected: number[] = [];
    for (const entry of entries) {
      const { clientId } = entry;
      const owner = this.ownerOf.get(clientId);
      if (owner === peer) {
        accepted.push(entry);
        continue;
      }
      if (entry.state === null) continue; // someone else's departure, relayed
      const known = this.awareness.meta.get(clientId);
      const isReturning = !owner && !this.awareness.states.has(clientId) && this.formerUserOf.get(clientId) === peer.userId;
      const isEcho = known !== undefined && entry.clock <= known.clock;
      if (isEcho && !isReturning) continue;
      const isMovedHere = !owner && this.remoteClientIds.has(clientId);
      const isNew = !owner && known === undefined;
      if (!(isReturning || isMovedHere || isNew) || owned.size >= MAX_CLIENT_IDS_PER_PEER) {
        rejected.push(clientId);
        continue;
      }
      if (isReturning) {
        // Its clock is older than the one its departure left behind; forget that one.
        this.awareness.meta.delete(clientId);
        this.formerUserOf.delete(clientId);
      }
      owned.add(clientId);
      this.ownerOf.set(clientId, peer);
      accepted.push(entry);
    }
    if (accepted.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted.map((entry) => stampIdentity(entry, peer))), peer);
    return rejected;
  }

  answerAwarenessQuery(peer: DocumentPeer): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) peer.send(encodeAwarenessStates(this.awareness, present));
  }

  /** Resolves once every update applied so far is stored (and announced). */
  whenStored(): Promise<void> {
    const sequence = this.appliedSequence;
    if (this.announcedSequence >= sequence) return Promise.resolve();
    return new Promise((resolve) => this.storedWaiters.push({ sequence, resolve }));
  }

  /** Stores what is pending and compacts; the document is not used afterwards. */
  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.compactWhenQuiet);
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
    this.appliedSequence += 1;
    this.pending.push({ update, userId: peer?.userId ?? null, origin: peer, sequence: this.appliedSequence });
    this.startWrites();
  }

  /**
   * Updates are stored before anyone else sees them, so a crash can only lose what
   * nobody but its author had. Updates arriving while writes are in flight form the
   * next batch; several batches may be written at once, but each is published and
   * broadcast only after every batch before it, in the order they were applied.
   */
  private startWrites(): void {
    while (this.pending.length > 0 && this.writes.length < MAX_WRITES_IN_FLIGHT) {
      const write: Write = { batch: this.pending, isStored: false };
      this.pending = [];
      this.writes.push(write);
      void this.storeWrite(write);
    }
  }

  private async storeWrite(write: Write): Promise<void> {
    for (let delayMs = 100; ; delayMs = Math.min(delayMs * 2, 5000)) {
      try {
        await this.store.appendUpdates(this.name, write.batch.map(({ update, userId }) => ({ update, userId })));
        break;
      } catch (error) {
        this.log.error(`storing ${write.batch.length} update(s) of ${this.name} failed; retrying`, error);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
    write.isStored = true;
    while (this.writes[0]?.isStored) {
      const stored = this.writes.shift()!;
      for (const { update, origin, sequence } of stored.batch) {
        this.bus?.publishUpdate(this.name, update);
        this.broadcast(encodeUpdateMessage(update), origin);
        this.announcedSequence = sequence;
      }
      this.storedSinceCompaction += stored.batch.length;
    }
    this.resolveStoredWaiters();
    this.startWrites();
    this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    clearTimeout(this.compactWhenQuiet);
    if (this.isClosed) return;
    if (this.storedSinceCompaction >= this.compaction.maxUpdates) {
      this.compact();
    } else if (this.storedSinceCompaction >= this.compaction.minUpdatesWhenQuiet) {
      this.compactWhenQuiet = setTimeout(() => this.compact(), this.compaction.quietMs);
      this.compactWhenQuiet.unref();
    }
  }

  private compact(): void {
    if (this.isClosed) return;
    this.storedSinceCompaction = 0;
    this.store.compactDocument(this.name).catch((error: unknown) => this.log.error(`compacting ${this.name} failed`, error));
  }

  private resolveStoredWaiters(): void {
    for (let index = this.storedWaiters.length - 1; index >= 0; index -= 1) {
      const waiter = this.storedWaiters[index]!;
      if (waiter.sequence <= this.announcedSequence) {
        this.storedWaiters.splice(index, 1);
        waiter.resolve();
      }
    }
  }

  private onAwarenessUpdate({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    for (const clientId of [...added, ...updated]) {
      if (origin === FROM_OTHER_PROCESS) this.remoteClientIds.add(clientId);
      else this.remoteClientIds.delete(clientId);
    }
    removed.forEach((clientId) => this.remoteClientIds.delete(clientId));
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

/**
 * Presence carries who someone is as the verified token says, never as their browser
 * claims: a client can choose its colour and what it points at, not whose name it shows.
 */
function stampIdentity(entry: AwarenessEntry, peer: DocumentPeer): AwarenessEntry {
  if (entry.state === null || typeof entry.state !== 'object' || Array.isArray(entry.state)) return entry;
  const state = entry.state as Record<string, unknown>;
  const user = state.user !== null && typeof state.user === 'object' && !Array.isArray(state.user) ? (state.user as Record<string, unknown>) : {};
  return { ...entry, state: { ...state, user: { ...user, id: peer.userId, name: peer.userName } } };
}
