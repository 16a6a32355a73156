// Applying the named limits of policies.ts: consume points for a key and refuse with
// `rate_limited` (HTTP 429, with how long to wait) once the window's points are spent.
import { RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';
import { RATE_LIMIT_POLICIES, type RateLimitName } from './policies';
import type { RateLimitStore } from './store';

export function limiterFor(store: RateLimitStore, name: RateLimitName) {
  const { points, windowSeconds } = RATE_LIMIT_POLICIES[name];
  return store.limiter({ name, points, windowSeconds });
}

/** rate-limiter-flexible rejects with a RateLimiterRes when points run out, and with an Error when its store fails. */
export function isRateLimiterRefusal(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

export function rateLimited(retryAfterMs: number, detail: string): AppError {
  return new AppError('rate_limited', { detail, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

/**
 * Takes `points` (1 by default; bytes for upload quotas) from `key`'s budget under the
 * named limit; throws `rate_limited` when the budget is spent. A refused request spends
 * nothing, so waiting the time the refusal names always helps.
 */
export async function consumeRateLimit(store: RateLimitStore, name: RateLimitName, key: string, points = 1): Promise<void> {
  const limiter = limiterFor(store, name);
  try {
    await limiter.consume(key, points);
  } catch (error) {
    if (!isRateLimiterRefusal(error)) throw error;
    // The refused points were added to the counter; give them back.
    await limiter.reward(key, points).catch(() => undefined);
    throw rateLimited(error.msBeforeNext, `rate limit ${name} reached`);
  }
}
