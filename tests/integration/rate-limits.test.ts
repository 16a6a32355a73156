// One suite for every place rate limit counters can live: in memory, in the database
// (PGlite and PostgreSQL) and in Redis. Whatever a deployment uses, a budget runs out at
// the same point, a refusal says how long to wait, refused requests spend nothing, and
// the slowing down of guesses behaves the same.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { rateLimits } from '@/db/schema';
import type { AppError } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import { RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { beginSecretAttempt, type AttemptSubject } from '@/lib/rate-limit/secret-attempts';
import {
  databaseRateLimitStore,
  memoryRateLimitStore,
  pruneExpiredRateLimits,
  rateLimitKey,
  redisRateLimitStore,
  type RateLimitStore,
} from '@/lib/rate-limit/store';
import { testBackends } from './support/databases';

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const redisUrl = process.env.REDIS_URL;

interface StoreBackend {
  name: string;
  open(): Promise<{ store: RateLimitStore; close(): Promise<void> }>;
}

const storeBackends: StoreBackend[] = [
  { name: 'memory', open: async () => ({ store: memoryRateLimitStore(), close: async () => {} }) },
  ...testBackends.map((backend) => ({
    name: `database on ${backend.name}`,
    open: async () => {
      const handle = await backend.open();
      return { store: databaseRateLimitStore(handle.db), close: () => handle.close() };
    },
  })),
  ...(redisUrl || isCi
    ? [
        {
          name: 'redis',
          open: async () => {
            if (!redisUrl) throw new Error('REDIS_URL is not set: CI must test the rate limits on Redis.');
            const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
            await new Promise<void>((resolve, reject) => {
              client.once('ready', () => resolve());
              client.once('error', reject);
            });
            // A prefix of its own: counters of earlier runs or other suites never meet these.
            return { store: redisRateLimitStore(client, `participa:test:${randomUUID()}:`), close: async () => void (await client.quit()) };
          },
        },
      ]
    : []),
];

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storeBackends)('rate limits in $name', (backend) => {
  let opened: Awaited<ReturnType<StoreBackend['open']>> | undefined;
  const store = () => {
    if (!opened) throw new Error('not open');
    return opened.store;
  };
  afterAll(async () => {
    await opened?.close();
  });

  it('refuses once a budget is spent, says how long to wait, and counts keys apart', async () => {
    opened = await backend.open();
    const key = rateLimitKey('address', `192.0.2.${randomUUID()}`);
    const { points } = RATE_LIMIT_POLICIES.signUp;
    for (let attempt = 0; attempt < points; attempt += 1) await consumeRateLimit(store(), 'signUp', key);
    const refused = await refusal(consumeRateLimit(store(), 'signUp', key));
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMIT_POLICIES.signUp.windowSeconds);
    await expect(consumeRateLimit(store(), 'signUp', rateLimitKey('address', 'someone else'))).resolves.toBeUndefined();
  });

  it('spends nothing on a refused request: a quota in KiB lets a smaller upload through after a large one is refused', async () => {
    const key = rateLimitKey('address', randomUUID());
    const { points } = RATE_LIMIT_POLICIES.anonymousUploadKiBPerAddress;
    await consumeRateLimit(store(), 'anonymousUploadKiBPerAddress', key, points - 1000);
    expect(await refusal(consumeRateLimit(store(), 'anonymousUploadKiBPerAddress', key, 5000))).toMatchObject({ code: 'rate_limited' });
    await expect(consumeRateLimit(store(), 'anonymousUploadKiBPerAddress', key, 1000)).resolves.toBeUndefined();
    expect(await refusal(consumeRateLimit(store(), 'anonymousUploadKiBPerAddress', key, 1))).toMatchObject({ code: 'rate_limited' });
  });

  it('holds the whole day’s anonymous upload total in its counter (2 GiB counted in KiB)', async () => {
    const { points } = RATE_LIMIT_POLICIES.anonymousUploadKiBTotal;
    await consumeRateLimit(store(), 'anonymousUploadKiBTotal', `everyone-${randomUUID()}`, points);
    expect(points * 1024).toBe(2 * 1024 ** 3);
  });

  it('slows guesses after the free failures with waits that double up to the ceiling, and a success clears them', async () => {
    const subjects: AttemptSubject[] = [{ policy: 'signInAccountAddress', key: rateLimitKey(randomUUID()), clearsOnSuccess: true }];
    for (let attempt = 0; attempt < 5; attempt += 1) await beginSecretAttempt(store(), subjects);
    // The 6th failure is allowed and closes the gate for a second.
    await beginSecretAttempt(store(), subjects);
    const waits: number[] = [];
    const slowed = await refusal(beginSecretAttempt(store(), subjects));
    expect(slowed).toMatchObject({ code: 'rate_limited' });
    waits.push(slowed!.retryAfterSeconds!);
    await sleep(slowed!.retryAfterSeconds! * 1000 + 50);
    // The 7th is allowed and closes it for two.
    await beginSecretAttempt(store(), subjects);
    const longer = await refusal(beginSecretAttempt(store(), subjects));
    waits.push(longer!.retryAfterSeconds!);
    expect(waits).toEqual([1, 2]);
    await sleep(longer!.retryAfterSeconds! * 1000 + 50);
    const attempt = await beginSecretAttempt(store(), subjects);
    await attempt.succeeded();
    // Cleared: the free failures are there again.
    for (let again = 0; again < 5; again += 1) await beginSecretAttempt(store(), subjects);
  }, 20_000);

  it('lets exactly one of a burst of guesses through once a gate applies', async () => {
    const subjects: AttemptSubject[] = [
      { policy: 'grievanceCodeCaseAddress', key: rateLimitKey(randomUUID()), clearsOnSuccess: true },
      { policy: 'grievanceCodeAddress', key: rateLimitKey(randomUUID()), clearsOnSuccess: false },
    ];
    for (let attempt = 0; attempt < 5; attempt += 1) await beginSecretAttempt(store(), subjects);
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => beginSecretAttempt(store(), subjects)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'rate_limited' });
    }
  });
});

describe.each(testBackends)('rate limit rows on $name', (backend) => {
  let handle: DatabaseHandle | undefined;
  afterAll(async () => {
    await handle?.close();
  });

  it('keep no readable address or e-mail, and are deleted once they no longer count', async () => {
    handle = await backend.open();
    const store = databaseRateLimitStore(handle.db);
    await consumeRateLimit(store, 'signUp', rateLimitKey('address', '198.51.100.77'));
    await beginSecretAttempt(store, [{ policy: 'signInAccountAddress', key: rateLimitKey('ada@example.org', '198.51.100.77'), clearsOnSuccess: true }]);
    const rows = await handle.db.select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/198\.51\.100\.77|ada@example/);
    await pruneExpiredRateLimits(handle.db, new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(await handle.db.select().from(rateLimits)).toEqual([]);
  });
});
