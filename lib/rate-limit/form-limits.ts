// What one form sent to the server costs against the rate limits (lib/rate-limit/policies.ts),
// for the form action wrapper (lib/actions/form-action.ts).
import type { Actor } from '@/lib/auth/actor';
import { AppError, isAppError } from '@/lib/errors';
import { consumeRateLimit, limiterFor } from './limits';
import type { RateLimitName } from './policies';
import { rateLimitKey, type RateLimitStore } from './store';

/** Bytes of the files a form carries (known without reading them), and the first file field's name. */
function uploadedFiles(formData: FormData): { bytes: number; field: string | null } {
  let bytes = 0;
  let field: string | null = null;
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' || value.size === 0) continue;
    bytes += value.size;
    field ??= name;
  }
  return { bytes, field };
}

/**
 * Counts the form against its limits: per account when signed in, else per address.
 * Files sent by people who are not signed in also count, in bytes, against a quota per
 * address and one for everyone together, which bounds how fast anonymous uploads can
 * fill the disk. Throws `rate_limited` before anything is stored.
 */
export async function countFormAgainstLimits({
  store,
  actor,
  address,
  formData,
  limits,
}: {
  store: RateLimitStore;
  actor: Actor;
  address: string;
  formData: FormData;
  limits: readonly RateLimitName[];
}): Promise<void> {
  const key = actor.kind === 'user' ? rateLimitKey('user', actor.id) : rateLimitKey('address', address);
  for (const name of ['formPost', ...limits] as const) await consumeRateLimit(store, name, key);
  if (actor.kind === 'user') return;
  const { bytes, field } = uploadedFiles(formData);
  if (bytes === 0 || !field) return;
  const kibibytes = Math.ceil(bytes / 1024);
  try {
    await consumeRateLimit(store, 'anonymousUploadKiBPerAddress', key, kibibytes);
    try {
      await consumeRateLimit(store, 'anonymousUploadKiBTotal', 'everyone', kibibytes);
    } catch (error) {
      // Nothing is uploaded: the address keeps its share.
      await limiterFor(store, 'anonymousUploadKiBPerAddress').reward(key, kibibytes).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    // The form can still go without its files, or from an account: the field says so.
    if (isAppError(error) && error.code === 'rate_limited') {
      throw new AppError('rate_limited', { detail: error.message, retryAfterSeconds: error.retryAfterSeconds, fieldErrors: { [field]: 'uploadQuotaReached' } });
    }
    throw error;
  }
}
