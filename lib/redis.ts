// The one Redis client of the web process, for what several processes must share (rate
// limit counters). Opened on first use when REDIS_URL is set; the collaboration server
// keeps its own connections for pub/sub (server/collab/redis-bus.ts).
import { Redis } from 'ioredis';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';

declare global {
  // Next.js evaluates modules more than once per process; one client is enough.
  var __participaRedis: Redis | undefined;
}

/** The shared client, or null when no Redis is configured. */
export function getRedis(): Redis | null {
  const { REDIS_URL } = env();
  if (!REDIS_URL) return null;
  if (!globalThis.__participaRedis) {
    // Without an offline queue a command fails at once while Redis is away, so a caller
    // can fall back instead of waiting for a reconnection that may take minutes.
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    client.on('error', (error: unknown) => logError('redis connection error', error));
    globalThis.__participaRedis = client;
  }
  return globalThis.__participaRedis;
}

export async function closeRedis(): Promise<void> {
  const client = globalThis.__participaRedis;
  globalThis.__participaRedis = undefined;
  await client?.quit().catch(() => client.disconnect());
}
