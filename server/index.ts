// The one process that serves Participa: the Next.js app and, on the same port, the
// realtime endpoint. Run with `npm start` (production) or `npm run dev`.
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { getDatabase } from '@/db';
import { seedDemoData } from '@/db/seed';
import { ensureLegalDocuments } from '@/lib/accounts/legal-documents';
import { restoreFileLength } from '@/lib/documents/file-length';
import { withNotedStatus } from '@/lib/http/response-status';
import { startFileMaintenance } from '@/lib/documents/file-maintenance';
import { startScheduler } from '@/lib/jobs/scheduler';
import { scheduledTasksFor } from '@/lib/jobs/tasks';
import { env, shouldSeedDemo } from '@/lib/env';
import { logError, logInfo } from '@/lib/log';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';
import { resolveAuthSecret } from './auth-secret';
import { createCollabServerFromEnvironment } from './collab/from-environment';
import { createFrontDoor } from './front-door';
import { stopGracefullyOnSignals } from './shutdown';

const config = env();
const isDev = config.NODE_ENV !== 'production';

// next-auth reads these from the environment; derive them for the embedded default.
const authSecret = resolveAuthSecret({
  configured: config.AUTH_SECRET ?? config.NEXTAUTH_SECRET,
  dataDir: config.DATA_DIR,
  isEmbedded: config.DATABASE_URL === undefined,
});
process.env.NEXTAUTH_SECRET = authSecret;
process.env.NEXTAUTH_URL ??= `http://localhost:${config.PORT}`;

async function main(): Promise<void> {
  const database = await getDatabase();
  logInfo(`database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL'}`);
  // A new site has a privacy notice and terms from its first request (version 1, adapted by administrators later).
  await ensureLegalDocuments(database.db);
  if (shouldSeedDemo(config)) {
    await seedDemoData(database.db);
    logInfo('demo data present');
  }
  // Files stored in rows before the file store are moved out before any request comes;
  // files no row names are swept now and every hour (lib/documents/file-maintenance.ts).
  await startFileMaintenance(database.db);
  // Retention and pruning, once across all processes (lib/jobs/scheduler.ts).
  await startScheduler(database.db, scheduledTasksFor(config)).tick();

  const collab = createCollabServerFromEnvironment({ db: database.db, config, authSecret });

  const app = next({ dev: isDev, dir: process.cwd(), hostname: 'localhost', port: config.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const handleNextUpgrade = app.getUpgradeHandler();

  // Security headers, the client's address, 400/403/413 for what Next.js would answer
  // with a 500 (lib/http/request-gate.ts), and 429 for a body of files refused unread.
  const frontDoor = createFrontDoor({ config, isDev, authSecret, rateLimits: rateLimitStoreFor(database.db) });
  const server = createServer((request, response) => {
    frontDoor
      .admit(request, response)
      .then((isAdmitted) => {
        if (!isAdmitted) return;
        restoreFileLength(response);
        // A form refused without JavaScript is answered with its status (lib/http/response-status.ts).
        return withNotedStatus(response, () => handleRequest(request, response));
      })
      .catch((error: unknown) => {
        logError('request failed', error);
        if (!response.headersSent) response.writeHead(500).end();
      });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (collab.isCollabRequest(request)) {
      collab.handleUpgrade(request, socket, head);
      return;
    }
    // Everything else belongs to Next.js: its dev server uses a websocket for hot
    // reload; in production it serves none, and an unanswered upgrade would hang.
    if (isDev) {
      void handleNextUpgrade(request, socket, head);
    } else {
      socket.destroy();
    }
  });

  server.listen(config.PORT, config.BIND_ADDRESS, () => {
    logInfo(`ready on http://localhost:${config.PORT} (${isDev ? 'development' : 'production'})`);
  });

  stopGracefullyOnSignals({ server, collab });
}

main().catch((error: unknown) => {
  logError('start-up failed', error);
  process.exit(1);
});
