// The collaboration server: checks each websocket upgrade (path, origin, token) before
// accepting it, then serves the y-websocket protocol on the named document.
// Mounted on the app's port by server/index.ts, or run alone by server/collab/main.ts.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_PATH_PREFIX } from '@/lib/collab/endpoint';
import { parseDocumentName } from '@/lib/collab/document-name';
import { CollabTokenError, verifyCollabToken, type VerifiedCollabClaims } from '@/lib/collab/token';
import type { DocumentBus } from './bus';
import { CollabConnection, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connection';
import type { CollabLogger } from './logger';
import { CLOSE_CODES } from './protocol';
import { DocumentRegistry } from './registry';
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
}

export interface CollabServer {
  isCollabRequest(request: IncomingMessage): boolean;
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  stats(): { connections: number; documents: number };
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

/** Answers an upgrade with a plain HTTP error and closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const { log } = options;
  const limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
  const registry = new DocumentRegistry({ store: options.store, bus: options.bus, log, unloadDelayMs: options.unloadDelayMs });
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
    // Messages that arrive while the document loads wait their turn.
    const early: Uint8Array[] = [];
    let current: CollabConnection | null = null;
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);
      if (current) current.receive(bytes);
      else if (early.length < limits.messageBurst) early.push(bytes);
      else socket.close(CLOSE_CODES.rateLimited, 'message rate limit exceeded');
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
      socket.close(CLOSE_CODES.internalError, 'the document could not be loaded');
      return;
    }
    isLoaded = true;
    if (socket.readyState !== socket.OPEN) {
      release();
      return;
    }
    const accepted = new CollabConnection(socket, claims, document, limits, log);
    socket.on('pong', () => {
      accepted.isAlive = true;
    });
    connections.add(accepted);
    document.addPeer(accepted);
    current = accepted;
    early.forEach((bytes) => accepted.receive(bytes));
  }

  return {
    isCollabRequest(request) {
      return (request.url ?? '').startsWith(COLLAB_PATH_PREFIX);
    },

    handleUpgrade(request, socket, head) {
      socket.on('error', () => socket.destroy());
      const url = new URL(request.url ?? '/', 'http://collab.invalid');
      let documentName: string;
      try {
        documentName = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
      } catch {
        refuseUpgrade(socket, 404, 'No such document.');
        return;
      }
      if (!parseDocumentName(documentName)) return refuseUpgrade(socket, 404, 'No such document.');
      const origin = request.headers.origin;
      if (origin !== undefined && !options.allowedOrigins.has(origin)) return refuseUpgrade(socket, 403, 'This origin may not connect.');
      if (isClosing) return refuseUpgrade(socket, 503, 'The server is shutting down.');

      verifyCollabToken(url.searchParams.get('token'), { key: options.signingKey, document: documentName }).then(
        (claims) => {
          if (socket.destroyed) return;
          websockets.handleUpgrade(request, socket, head, (websocket) => void accept(websocket, claims));
        },
        (error: unknown) => {
          if (error instanceof CollabTokenError) {
            const status = error.problem === 'wrong_document' ? 403 : 401;
            refuseUpgrade(socket, status, `Collaboration token ${error.problem.replace('_', ' for another ')}.`);
          } else {
            log.error('verifying a collaboration token failed', error);
            refuseUpgrade(socket, 401, 'Collaboration token invalid.');
          }
        },
      );
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
