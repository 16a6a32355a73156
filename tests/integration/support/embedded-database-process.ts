// A process with the embedded database of DATA_DIR open, as the servers have it: it
// writes two rows, says "ready", and stops the way they do on SIGTERM or SIGINT
// (server/shutdown.ts). Started by tests/integration/pglite-worker.test.ts.
import { createServer } from 'node:http';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';
import type { CollabServer } from '@/server/collab/server';
import { stopGracefullyOnSignals } from '@/server/shutdown';

const { db } = await getDatabase();
await db.execute(sql`create table shutdown_rows (id serial primary key)`);
await db.execute(sql`insert into shutdown_rows default values`);
await db.execute(sql`insert into shutdown_rows default values`);
const server = createServer((_request, response) => response.end());
// No documents to store here: the collaboration server's part of the stop is empty.
const collab = { close: async () => {} } as unknown as CollabServer;
stopGracefullyOnSignals({ server, collab });
server.listen(0, '127.0.0.1', () => console.log('ready'));
