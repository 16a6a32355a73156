// The collaboration server on its own (`npm run collab`): several of these can run
// behind a load balancer, sharing PostgreSQL (DATABASE_URL) and Redis (REDIS_URL).
// Without DATABASE_URL it keeps documents in its own embedded database and must run alone.
import { createServer } from 'node:http';
import { getDatabase } from '@/db';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { resolveAuthSecret } from '../auth-secret';
import { createCollabServerFromEnvironment } from './from-environment';
import { consoleCollabLogger as log } from './logger';
import { stopGracefullyOnSignals } from '../shutdown';

async function main(): Promise<void> {
  const config = env();
  const authSecret = resolveAuthSecret({
    configured: config.AUTH_SECRET ?? config.NEXTAUTH_SECRET,
    dataDir: config.DATA_DIR,
    isEmbedded: config.DATABASE_URL === undefined,
  });
  const database = await getDatabase();
  const collab = createCollabServerFromEnvironment({ db: database.db, config, authSecret });

  const server = createServer((request, response) => {
    if (request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', ...collab.stats() }));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Collaboration server: connect with a websocket to /collab/<document>.\n');
  });
  server.on('upgrade', (request, socket, head) => {
    if (collab.isCollabRequest(request)) collab.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  server.listen(config.PORT, config.BIND_ADDRESS, () => {
    log.info(`ready on port ${config.PORT} (${database.kind}${config.REDIS_URL ? ', redis' : ', alone'})`);
  });

  stopGracefullyOnSignals({ server, collab });
}

main().catch((error: unknown) => {
  logError('collab start-up failed', error);
  process.exit(1);
});
