// Where rate limit counters live: in Redis when REDIS_URL is set (every process of a
// deployment shares them, and Redis expires them itself), otherwise in the database's
// rate_limits table (shared by every process on one database), through
// rate-limiter-flexible's stores. Tests use the in-memory one or pass their own.
import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '@/db';
import { rateLimits } from '@/db/schema';
import { getRedis } from '@/lib/redis';

export interface LimiterSpec {
  /** Distinguishes counters of different limits that share a store. */
  name: string;
  points: number;
  windowSeconds: number;
}

export interface RateLimitStore {
  readonly kind: 'memory' | 'database' | 'redis';
  /** The limiter for this spec; the same spec name always gives the same counters. */
  limiter(spec: LimiterSpec): RateLimiterAbstract;
}

type LimiterFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

function cachedStore(kind: RateLimitStore['kind'], create: LimiterFactory, prefix: string): RateLimitStore {
  const limiters = new Map<string, RateLimiterAbstract>();
  return {
    kind,
    limiter({ name, points, windowSeconds }) {
      const id = `${name}:${points}:${windowSeconds}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = create({ keyPrefix: `${prefix}${name}`, points, duration: windowSeconds });
        limiters.set(id, limiter);
      }
      return limiter;
    },
  };
}

export function memoryRateLimitStore(): RateLimitStore {
  return cachedStore('memory', (options) => new RateLimiterMemory(options), '');
}

/** Counters in the rate_limits table; expired rows are removed by pruneExpiredRateLimits. */
export function databaseRateLimitStore(db: Db): RateLimitStore {
  return cachedStore('database', (options) => new RateLimiterDrizzle({ ...options, storeClient: db, schema: rateLimits, clearExpiredByTimeout: false }), '');
}

/**
 * Counters in Redis. While Redis cannot be reached each process counts on its own in
 * memory (the insurance limiter) rather than refusing everyone or letting everyone through.
 */
export function redisRateLimitStore(client: Redis, prefix = 'participa:rate:'): RateLimitStore {
  return cachedStore(
    'redis',
    (options) =>
      new RateLimiterRedis({
        ...options,
        storeClient: client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points: options.points, duration: options.duration }),
      }),
    prefix,
  );
}

declare global {
  var __participaRateLimitStore: { db: Db; store: RateLimitStore } | undefined;
}

/** The store of this process: Redis when configured, else the database `db`. */
export function rateLimitStoreFor(db: Db): RateLimitStore {
  const cached = globalThis.__participaRateLimitStore;
  if (cached && cached.db === db) return cached.store;
  const redis = getRedis();
  const store = redis ? redisRateLimitStore(redis) : databaseRateLimitStore(db);
  globalThis.__participaRateLimitStore = { db, store };
  return store;
}

export const RATE_LIMIT_PRUNE_INTERVAL_MS = 10 * 60 * 1000;

/** Counters that no longer count are deleted, so the table keeps no address for long. */
export async function pruneExpiredRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, now));
}

/**
 * Keys are hashed: the counters say how often something happened, never who or from
 * where in readable form (addresses and e-mails are personal data).
 */
export function rateLimitKey(...parts: string[]): string {
  return createHash('sha256').update(`participa-rate:${parts.map((part) => part.trim().toLowerCase()).join('\u0000')}`).digest('base64url').slice(0, 32);
}
