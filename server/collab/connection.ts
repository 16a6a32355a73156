// One client's websocket on one document: decoding, read-only enforcement, limits.
import type { WebSocket } from 'ws';
import type { CollabClaims, VerifiedCollabClaims } from '@/lib/collab/token';
import type { CollabLogger } from './logger';
import { CLOSE_CODES, decodeClientMessage, MalformedMessageError } from './protocol';
import type { DocumentPeer, SharedDocument } from './shared-document';

export interface ConnectionLimits {
  /** Sustained messages per second a connection may send. */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst above the sustained rate. */
  messageBurst: number;
  /** Invalid messages tolerated before the connection is closed. */
  maxInvalidMessages: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { messagesPerSecond: 100, messageBurst: 300, maxInvalidMessages: 20 };

let nextConnectionId = 1;

export class CollabConnection implements DocumentPeer {
  readonly id = nextConnectionId++;
  readonly userId: string;
  readonly userName: string;
  readonly access: CollabClaims['access'];
  private readonly expiry: ReturnType<typeof setTimeout>;
  isAlive = true;
  private tokens: number;
  private lastRefill = performance.now();
  private invalidMessages = 0;

  constructor(
    private readonly socket: WebSocket,
    claims: VerifiedCollabClaims,
    private readonly document: SharedDocument,
    private readonly limits: ConnectionLimits,
    private readonly log: CollabLogger,
  ) {
    this.userId = claims.userId;
    this.userName = claims.name;
    this.access = claims.access;
    this.tokens = limits.messageBurst;
    // Access is decided when a token is issued; when it runs out the client reconnects
    // with a fresh one (browsers renew theirs before), so a withdrawn right ends here.
    this.expiry = setTimeout(() => this.close(CLOSE_CODES.tokenExpired, 'token expired'), Math.max(0, claims.expiresAt.getTime() - Date.now()));
    this.expiry.unref();
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(message, (error) => {
      if (error) this.socket.terminate();
    });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  terminate(): void {
    this.socket.terminate();
  }

  /** The socket closed: the document forgets this connection and its presence. */
  leave(): void {
    clearTimeout(this.expiry);
    this.document.removePeer(this);
  }

  ping(): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.ping();
  }

  /** Handles one message; never throws: a bad message costs only its sender. */
  receive(data: Uint8Array): void {
    if (!this.takeToken()) {
      this.log.warn(`connection ${this.id} on ${this.document.name} exceeded the message rate; closing`);
      this.close(CLOSE_CODES.rateLimited, 'message rate limit exceeded');
      return;
    }
    try {
      const message = decodeClientMessage(data);
      switch (message.type) {
        case 'syncStep1':
          this.document.answerSyncStep1(this, message.stateVector).catch((error: unknown) => this.log.error('answering sync step 1 failed', error));
          break;
        case 'update':
          this.document.receiveUpdate(this, message.update);
          break;
        case 'awareness': {
          const rejected = this.document.receiveAwareness(this, message.entries);
          if (rejected.length > 0) this.rejectMessage(`awareness for client id(s) ${rejected.join(', ')} it does not own`);
          break;
        }
        case 'queryAwareness':
          this.document.answerAwarenessQuery(this);
          break;
      }
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) {
        this.log.error(`unexpected failure on a message of connection ${this.id} on ${this.document.name}`, error);
      }
      this.rejectMessage(error instanceof Error ? error.message : 'invalid message');
    }
  }

  private rejectMessage(reason: string): void {
    this.invalidMessages += 1;
    this.log.warn(`rejected a message of connection ${this.id} (user ${this.userId}) on ${this.document.name}: ${reason}`);
    if (this.invalidMessages >= this.limits.maxInvalidMessages) {
      this.close(CLOSE_CODES.tooManyInvalidMessages, 'too many invalid messages');
    }
  }

  /** Token bucket: bursts are fine, a sustained flood is not. */
  private takeToken(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + ((now - this.lastRefill) / 1000) * this.limits.messagesPerSecond);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
