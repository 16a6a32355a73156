// Slowing down the guessing of a secret (a password, a grievance's access key) without
// ever locking its owner out, after OWASP's Authentication Cheat Sheet and
// rate-limiter-flexible's login-protection recipe:
//
// - failures are counted per subject: the account (or case) from one address, and the
//   address across all accounts with a higher allowance. Nothing counts an account's
//   failures from everywhere, so an attacker elsewhere cannot keep its owner out;
// - past a subject's free failures, each further failure closes its gate for a while
//   that doubles up to a short ceiling; an attempt while a gate is closed is refused
//   without being checked and without counting, so refusals never prolong the wait;
// - an attempt is counted *before* the secret is checked and the gate is taken by
//   exactly one attempt, so a burst sent in parallel cannot slip past the count;
// - the right secret clears the subject's failures (not the address's: a guesser that
//   owns one account must not reset its allowance by signing in to it).
import { rateLimited, isRateLimiterRefusal } from './limits';
import { backoffDelaySeconds, FAILURE_BACKOFF_POLICIES, type FailureBackoffName } from './policies';
import type { RateLimitStore } from './store';

export interface AttemptSubject {
  policy: FailureBackoffName;
  key: string;
  /** Cleared when the attempt succeeds (the account or case from this address); address-wide subjects are not. */
  clearsOnSuccess: boolean;
}

export interface SecretAttempt {
  /** The secret was right: forget the failures that a success clears. */
  succeeded(): Promise<void>;
}

/** Far more than any window holds: the failure counter only counts, it never refuses. */
const UNBOUNDED = 1_000_000_000;

function limitersOf(store: RateLimitStore, policy: FailureBackoffName) {
  const { windowSeconds } = FAILURE_BACKOFF_POLICIES[policy];
  return {
    failures: store.limiter({ name: `${policy}:failures`, points: UNBOUNDED, windowSeconds }),
    // One point per gate: whoever takes it closes it for the delay that customDuration sets.
    gate: store.limiter({ name: `${policy}:gate`, points: 1, windowSeconds: 1 }),
  };
}

async function gateWaitMs(store: RateLimitStore, subject: AttemptSubject): Promise<number> {
  const gate = await limitersOf(store, subject.policy).gate.get(subject.key);
  return gate && gate.consumedPoints >= 1 ? gate.msBeforeNext : 0;
}

/**
 * Starts an attempt on a secret. Throws `rate_limited` (with the wait) while any subject's
 * gate is closed; otherwise the attempt counts as a failure until `succeeded()` is called.
 */
export async function beginSecretAttempt(store: RateLimitStore, subjects: readonly AttemptSubject[]): Promise<SecretAttempt> {
  const waits = await Promise.all(subjects.map((subject) => gateWaitMs(store, subject)));
  const longestWait = Math.max(0, ...waits);
  if (longestWait > 0) throw rateLimited(longestWait, 'secret attempts slowed down');

  const counted: AttemptSubject[] = [];
  const refund = () => Promise.all(counted.map((subject) => limitersOf(store, subject.policy).failures.reward(subject.key, 1).catch(() => undefined)));
  for (const subject of subjects) {
    const { failures, gate } = limitersOf(store, subject.policy);
    const { consumedPoints } = await failures.consume(subject.key, 1);
    counted.push(subject);
    const delaySeconds = backoffDelaySeconds(FAILURE_BACKOFF_POLICIES[subject.policy], consumedPoints);
    if (delaySeconds === 0) continue;
    try {
      await gate.consume(subject.key, 1, { customDuration: delaySeconds });
    } catch (error) {
      // Another attempt took the gate between our look and now: this one waits too.
      await refund();
      if (isRateLimiterRefusal(error)) throw rateLimited(error.msBeforeNext, 'secret attempts slowed down');
      throw error;
    }
  }

  return {
    async succeeded() {
      await Promise.all(
        subjects.map(async (subject) => {
          const { failures, gate } = limitersOf(store, subject.policy);
          if (subject.clearsOnSuccess) {
            await Promise.all([failures.delete(subject.key), gate.delete(subject.key)]);
          } else {
            // The success was counted as a failure up front; take it back.
            await failures.reward(subject.key, 1);
          }
        }),
      );
    },
  };
}
