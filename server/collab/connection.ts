// One client's websocket on one document: decoding, read-only enforcement, limits.
// A connection that is to be closed is not read any more (closing-socket.ts), and each
// kind of problem is logged once per connection, so a hostile client cannot flood the log.
import type { CollabClaims, VerifiedCollabClaims } from '@/lib/collab/token';
import type { ClosingSocket } from './closing-socket';
import type { CollabLogger } from './logger';
import { CLOSE_CODES, decodeClientMessage, MalformedMessageError } from './protocol';
import type { DocumentPeer, SharedDocument } from './shared-document';

export interface ConnectionLimits {
  /** Sustained messages per second a connection may send. */
  messagesPerSecond: number;
  /** Messages a connection may send in a burst above the sustained rate. */
  messageBurst: number;
  /** Invalid or refused messages tolerated before the connection is closed. */
  maxInvalidMessages: number;
  /** How long a connection being closed may take to go before it is cut off. */
  closeGraceMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { messagesPerSecond: 100, messageBurst: 300, maxInvalidMessages: 20, closeGraceMs: 1500 };

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
  /** Kinds of rejected messages already logged for this connection, and how many more were not. */
  private readonly loggedRejections = new Set<string>();
  private unloggedRejections = 0;

  constructor(
    private readonly socket: ClosingSocket,
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

  private get label(): string {
    return `connection ${this.id} (user ${this.userId}) on ${this.document.name}`;
  }

  send(message: Uint8Array): void {
    const { socket } = this.socket;
    if (socket.readyState !== socket.OPEN || this.socket.isClosing) return;
    socket.send(message, (error) => {
      if (error) socket.terminate();
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
    const { socket } = this.socket;
    if (socket.readyState === socket.OPEN) socket.ping();
  }

  /** Handles one message; never throws: a bad message costs only its sender. */
  receive(data: Uint8Array): void {
    if (this.socket.isClosing) return;
    if (!this.takeToken()) {
      this.closeFor(CLOSE_CODES.rateLimited, 'message rate limit exceeded');
      return;
    }
    try {
      const message = decodeClientMessage(data);
      switch (message.type) {
        case 'syncStep1':
          this.document.answerSyncStep1(this, message.stateVector).catch((error: unknown) => this.log.error('answering sync step 1 failed', error));
          break;
        case 'update': {
          const refusal = this.document.receiveUpdate(this, message.update, message.decoded);
          // A read-only page may still send what its person typed; that is no attack.
          if (refusal && refusal !== 'read-only') this.rejectMessage(`refused:${refusal}`, `update refused (${refusal})`);
          break;
        }
        case 'awareness': {
          const rejected = this.document.receiveAwareness(this, message.entries);
          if (rejected.length > 0) this.rejectMessage('awareness', `awareness for client id(s) ${rejected.join(', ')} it does not own`);
          break;
        }
        case 'queryAwareness':
          this.document.answerAwarenessQuery(this);
          break;
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.rejectMessage('malformed', error.message);
      } else {
        if (!this.loggedRejections.has('unexpected')) this.log.error(`unexpected failure on a message of ${this.label}`, error);
        this.rejectMessage('unexpected', 'the message could not be handled');
      }
    }
  }

  private rejectMessage(kind: string, detail: string): void {
    this.invalidMessages += 1;
    if (this.loggedRejections.has(kind)) {
      this.unloggedRejections += 1;
    } else {
      this.loggedRejections.add(kind);
      this.log.warn(`rejected a message of ${this.label}: ${detail}`);
    }
    if (this.invalidMessages >= this.limits.maxInvalidMessages) {
      this.closeFor(CLOSE_CODES.tooManyInvalidMessages, 'too many invalid messages');
    }
  }

  /** Closes for a reason of the connection's own making, logged once. */
  private closeFor(code: number, reason: string): void {
    if (!this.socket.close(code, reason)) return;
    const unlogged = this.unloggedRejections > 0 ? ` (${this.unloggedRejections} more rejected message(s) not logged)` : '';
    this.log.warn(`closing ${this.label} with ${code}: ${reason}${unlogged}`);
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
