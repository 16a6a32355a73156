// Graceful stop on SIGTERM or SIGINT, shared by both entries: stop accepting, store
// every open document, close the database (PGlite's sequences jump after an unclean
// exit), then exit.
import type { Server } from 'node:http';
import { closeDatabase } from '@/db';
import { logError, logInfo } from '@/lib/log';
import type { CollabServer } from './collab/server';

export function stopGracefullyOnSignals({ server, collab }: { server: Server; collab: CollabServer }): void {
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    logInfo(`${signal}: storing documents and shutting down`);
    server.close();
    server.closeAllConnections();
    collab
      .close()
      .then(() => closeDatabase())
      .catch((error: unknown) => logError('shutdown failed', error))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
