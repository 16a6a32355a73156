// Graceful stop on SIGTERM or SIGINT, shared by both entries: stop accepting, store
// every open document, close the database, then exit. For the embedded database that
// closes PGlite in its worker thread once the statement under way has finished (an
// unclean exit keeps committed rows but makes sequences jump); exiting first would
// end the thread in the middle of it.
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
    let exitCode = 0;
    collab
      .close()
      .then(() => closeDatabase())
      .catch((error: unknown) => {
        // A supervisor should see that this stop was not clean.
        exitCode = 1;
        logError('shutdown failed', error);
      })
      .finally(() => process.exit(exitCode));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
