// Builds the collaboration server from the parsed environment, for both entries.
import type { Db } from '@/db';
import { resolveClientAddress } from '@/lib/auth/client-address';
import { allowedCollabOrigins } from '@/lib/collab/endpoint';
import { collabSigningKey } from '@/lib/collab/token';
import type { Environment } from '@/lib/env';
import { createDatabaseStore } from './database-store';
import { consoleCollabLogger } from './logger';
import { createRedisBus } from './redis-bus';
import { createCollabServer, type CollabServer } from './server';

export function createCollabServerFromEnvironment({ db, config, authSecret }: { db: Db; config: Environment; authSecret: string }): CollabServer {
  const log = consoleCollabLogger;
  return createCollabServer({
    store: createDatabaseStore(db),
    bus: config.REDIS_URL ? createRedisBus(config.REDIS_URL, { log }) : null,
    signingKey: collabSigningKey(authSecret),
    allowedOrigins: allowedCollabOrigins(config),
    log,
    maxMessageBytes: config.COLLAB_MAX_MESSAGE_BYTES,
    unloadDelayMs: config.COLLAB_UNLOAD_DELAY_MS,
    maxDocumentBytes: config.COLLAB_MAX_DOCUMENT_BYTES,
    socketLimits: {
      maxPerUser: config.COLLAB_MAX_SOCKETS_PER_USER,
      maxPerAddress: config.COLLAB_MAX_SOCKETS_PER_ADDRESS,
      openingsPerMinutePerUser: config.COLLAB_OPENINGS_PER_MINUTE_PER_USER,
      openingsPerMinutePerAddress: config.COLLAB_OPENINGS_PER_MINUTE_PER_ADDRESS,
    },
    // The same rule as for every HTTP request (server/index.ts), for both entries.
    clientAddressOf: (request) =>
      resolveClientAddress({ socketAddress: request.socket.remoteAddress, forwardedFor: request.headers['x-forwarded-for'], trustProxy: config.TRUST_PROXY }),
  });
}
