// next-auth reports sign-in failures as codes (?error=… or result.error); these are
// the ones a person can act on. A slowed-down attempt carries its wait in the code
// ("TooManyAttempts:12"), since next-auth passes nothing else from authorize().
import { waitValues, type WaitValues } from '@/lib/rate-limit/wait';

export type SignInProblem = { kind: 'wrongCredentials' } | { kind: 'failed' } | { kind: 'identityEmailNotVerified' } | { kind: 'tooManyAttempts'; wait: WaitValues };

const TOO_MANY_ATTEMPTS = 'TooManyAttempts';
/** When a code says nothing of the wait: the longest a sign-in is ever slowed down. */
const DEFAULT_WAIT_SECONDS = 60;

export function tooManyAttemptsCode(retryAfterSeconds: number | undefined): string {
  return `${TOO_MANY_ATTEMPTS}:${Math.max(1, Math.ceil(retryAfterSeconds ?? DEFAULT_WAIT_SECONDS))}`;
}

export function problemFromCode(code: string | null | undefined): SignInProblem | null {
  if (!code) return null;
  if (code === 'CredentialsSignin') return { kind: 'wrongCredentials' };
  // lib/accounts/identity-sign-in.ts UNVERIFIED_EMAIL
  if (code === 'IdentityEmailNotVerified') return { kind: 'identityEmailNotVerified' };
  const [name, seconds] = code.split(':');
  if (name === TOO_MANY_ATTEMPTS) {
    const parsed = Number(seconds);
    const wait = Number.isInteger(parsed) && parsed > 0 && parsed <= 24 * 60 * 60 ? parsed : DEFAULT_WAIT_SECONDS;
    return { kind: 'tooManyAttempts', wait: waitValues(wait) };
  }
  return { kind: 'failed' };
}
