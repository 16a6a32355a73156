// The collaboration server: checks each websocket upgrade (path, origin, token) before
// accepting it, then serves the y-websocket protocol on the named document.
// Mounted on the app's port by server/index.ts, or run alone by server/collab/main.ts.
// Each user and each client address may hold and open only so many sockets
// (socket-limits.ts); each document has a size limit and field limits (shared-document.ts).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_PATH_PREFIX } from '@/lib/collab/endpoint';
import { longestTextOf, MAX_NEW_CLIENT_IDS_PER_CONNECTION } from '@/lib/collab/document-limits';
import { parseDocumentName } from '@/lib/collab/document-name';
import { CollabTokenError, verifyCollabToken, type VerifiedCollabClaims } from '@/lib/collab/token';
import type { DocumentBus } from './bus';
import { ClosingSocket } from './closing-socket';
import { CollabConnection, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connection';
import type { CollabLogger } from './logger';
import { CLOSE_CODES } from './protocol';
import { DocumentRegistry } from './registry';
import type { DocumentLimits } from './shared-document';
import { DEFAULT_SOCKET_LIMITS, isRefusal, SocketAdmission, type SocketLimits } from './socket-limits';
import type { CollabStore } from './store';

export interface CollabServerOptions {
  store: CollabStore;
  bus: DocumentBus | null;
  signingKey: Uint8Array;
  /** Browser origins allowed to connect; connections without an Origin header are not browsers. */
  allowedOrigins: ReadonlySet<string>;
  log: CollabLogger;
  maxMessageBytes: number;
  unloadDelayMs: number;
  pingIntervalMs?: number;
  limits?: ConnectionLimits;
  /** Largest encoded state of a document (COLLAB_MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
  socketLimits?: SocketLimits;
  /** The address a request comes from, as lib/auth/client-address.ts resolves it (honouring TRUST_PROXY). */
  clientAddressOf(request: IncomingMessage): string;
}

export interface CollabServer {
  isCollabRequest(request: IncomingMessage): boolean;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  stats(): { connections: number; documents: number };
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' };

/** Answers an upgrade with a plain HTTP error and closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string, retryAfterSeconds?: number): void {
  if (socket.destroyed) return;
  const body = `${message}\n`;
  const retryAfter = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n${retryAfter}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const { log } = options;
  const limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
  const limitsFor = (name: string): DocumentLimits => ({
    maxBytes: options.maxDocumentBytes,
    // Names are checked before a document is loaded, so the kind is known.
    longestText: longestTextOf(parseDocumentName(name)!.kind),
    maxNewClientIdsPerPeer: MAX_NEW_CLIENT_IDS_PER_CONNECTION,
  });
  const registry = new DocumentRegistry({ store: options.store, bus: options.bus, log, unloadDelayMs: options.unloadDelayMs, limitsFor });
  const admission = new SocketAdmission(options.socketLimits ?? DEFAULT_SOCKET_LIMITS);
  // ws closes a connection whose message exceeds maxPayload with 1009 (message too big).
  const websockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
  const connections = new Set<CollabConnection>();
  let isClosing = false;

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.isAlive) {
        connection.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  heartbeat.unref();

  async function accept(socket: WebSocket, claims: VerifiedCollabClaims): Promise<void> {
    const closing = new ClosingSocket(socket, limits.closeGraceMs);
    // Messages that arrive while the document loads wait their turn.
    const early: Uint8Array[] = [];
    let current: CollabConnection | null = null;
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (closing.isClosing) return;
      const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);
      if (current) current.receive(bytes);
      else if (early.length < limits.messageBurst) early.push(bytes);
      else if (closing.close(CLOSE_CODES.rateLimited, 'message rate limit exceeded')) log.warn(`closing a connection of user ${claims.userId} on ${claims.document} with 4008 while loading`);
    });
    socket.on('error', (error) => log.warn(`socket error on ${claims.document}: ${error.message}`));
    // Released exactly once, whether the socket closes during the load or after it.
    let isReleased = false;
    let isLoaded = false;
    const release = () => {
      if (isReleased || !isLoaded) return;
      isReleased = true;
      void registry.release(claims.document);
    };
    socket.on('close', () => {
      if (current) {
        connections.delete(current);
        current.leave();
      }
      release();
    });

    let document;
    try {
      document = await registry.acquire(claims.document);
    } catch (error) {
      log.error(`loading ${claims.document} failed`, error);
      closing.close(CLOSE_CODES.internalError, 'the document could not be loaded');
      return;
    }
    isLoaded = true;
    if (socket.readyState !== socket.OPEN || closing.isClosing) {
      release();
      return;
    }
    const accepted = new CollabConnection(closing, claims, document, limits, log);
    socket.on('pong', () => {
      accepted.isAlive = true;
    });
    connections.add(accepted);
    document.addPeer(accepted);
    current = accepted;
    early.forEach((bytes) => accepted.receive(bytes));
  }

  /** Checks an upgrade (path, origin, address share, token, user share) before accepting it. */
  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://collab.invalid');
    let documentName: string;
    try {
      documentName = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
    } catch {
      return refuseUpgrade(socket, 404, 'No such document.');
    }
    if (!parseDocumentName(documentName)) return refuseUpgrade(socket, 404, 'No such document.');
    const origin = request.headers.origin;
    if (origin !== undefined && !options.allowedOrigins.has(origin)) return refuseUpgrade(socket, 403, 'This origin may not connect.');
    if (isClosing) return refuseUpgrade(socket, 503, 'The server is shutting down.');

    // The slots are held from here until the socket closes, refused or not, so upgrades
    // still being checked count too.
    const forAddress = await admission.admitAddress(options.clientAddressOf(request));
    if (isRefusal(forAddress)) return refuseUpgrade(socket, 429, forAddress.message, forAddress.retryAfterSeconds);
    const releases = [forAddress.release];
    const releaseAll = () => releases.forEach((release) => release());
    socket.once('close', releaseAll);
    if (socket.destroyed) return releaseAll();

    let claims: VerifiedCollabClaims;
    try {
      claims = await verifyCollabToken(url.searchParams.get('token'), { key: options.signingKey, document: documentName });
    } catch (error) {
      if (error instanceof CollabTokenError) {
        const status = error.problem === 'wrong_document' ? 403 : 401;
        return refuseUpgrade(socket, status, `Collaboration token ${error.problem.replace('_', ' for another ')}.`);
      }
      log.error('verifying a collaboration token failed', error);
      return refuseUpgrade(socket, 401, 'Collaboration token invalid.');
    }
    const forUser = await admission.admitUser(claims.userId);
    if (isRefusal(forUser)) return refuseUpgrade(socket, 429, forUser.message, forUser.retryAfterSeconds);
    releases.push(forUser.release);
    if (socket.destroyed) return releaseAll();
    websockets.handleUpgrade(request, socket, head, (websocket) => void accept(websocket, claims));
  }

  return {
    isCollabRequest(request) {
      return (request.url ?? '').startsWith(COLLAB_PATH_PREFIX);
    },

    handleUpgrade(request, socket, head) {
      socket.on('error', () => socket.destroy());
      upgrade(request, socket, head).catch((error: unknown) => {
        log.error('a collaboration upgrade failed', error);
        refuseUpgrade(socket, 503, 'The collaboration server could not take this connection.');
      });
    },

    stats() {
      return { connections: connections.size, documents: registry.loadedCount };
    },

    async close() {
      isClosing = true;
      clearInterval(heartbeat);
      for (const connection of connections) connection.close(CLOSE_CODES.goingAway, 'server shutting down');
      await registry.unloadAll();
      websockets.close();
      await options.bus?.close();
    },
  };
}
