// How collaboration processes tell each other about documents they hold. Without
// REDIS_URL there is no bus and one process works alone.

export interface DocumentBusHandlers {
  /** An update another process stored; apply it without storing or publishing it again. */
  onUpdate(update: Uint8Array): void;
  onAwareness(update: Uint8Array): void;
  /** Our state vector, sent so others can fill our gaps. */
  stateVector(): Uint8Array;
  /**
   * What we have that a peer with this state vector lacks, or null for nothing. Only
   * stored updates are offered: the receiver passes them on without storing them.
   */
  missingFor(stateVector: Uint8Array): Promise<Uint8Array | null>;
}

export interface DocumentBus {
  subscribe(document: string, handlers: DocumentBusHandlers): Promise<void>;
  unsubscribe(document: string): Promise<void>;
  publishUpdate(document: string, update: Uint8Array): void;
  publishAwareness(document: string, update: Uint8Array): void;
  close(): Promise<void>;
}
