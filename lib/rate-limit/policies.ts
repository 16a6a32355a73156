// Every rate limit of Participa, by name: how many of something one key (an address, an
// account, a pair of both) may do within a window. Pure data, so the numbers can be read,
// documented and tested in one place; lib/rate-limit/limits.ts applies them.
//
// Budgets are generous for a person and tight for a script: a resident who files a
// grievance, fixes a typo and files again never meets one; a loop does at once.

export interface RateLimitPolicy {
  /** How many points one key may consume within the window. */
  points: number;
  windowSeconds: number;
  /** What is counted, for the README and the logs. */
  counts: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Upload quotas count kibibytes: 2 GiB in bytes would not fit the counters' 32-bit integer column. */
const KIBIBYTES_PER_MEBIBYTE = 1024;

export const RATE_LIMIT_POLICIES = {
  /** Any form sent to the server (server actions), per account or, for anonymous senders, per address. */
  formPost: { points: 120, windowSeconds: MINUTE, counts: 'form submissions' },
  signUp: { points: 10, windowSeconds: 10 * MINUTE, counts: 'sign-ups' },
  /** "Forgot password" and "send the confirmation again", per address… */
  accountEmailPerAddress: { points: 20, windowSeconds: HOUR, counts: 'password-reset and confirmation e-mails asked for per address' },
  /**
   * …and per account from one address, then per account from everywhere: beyond these the
   * answer is the same but no mail goes out, so nobody's inbox can be flooded. The first
   * keeps one address from using up the account's mails, so its holder asking from their
   * own connection still gets one unless many addresses were used against them.
   */
  accountEmailPerAccountAddress: { points: 5, windowSeconds: HOUR, counts: 'password-reset and confirmation e-mails sent per account and address' },
  accountEmailPerAccount: { points: 20, windowSeconds: HOUR, counts: 'password-reset and confirmation e-mails sent per account' },
  grievanceFiling: { points: 5, windowSeconds: HOUR, counts: 'grievances filed' },
  grievanceMessage: { points: 30, windowSeconds: HOUR, counts: 'messages and steps in grievance cases' },
  /** Inputs, replies, reports and support given in consultations. */
  contribution: { points: 300, windowSeconds: HOUR, counts: 'inputs, replies, reports and supports' },
  collabToken: { points: 120, windowSeconds: MINUTE, counts: 'collaboration tokens issued' },
  /** Each download gathers everything about the person and is audited: a person needs a few. */
  personalDataExport: { points: 10, windowSeconds: HOUR, counts: 'personal-data downloads per account' },
  /** KiB of files sent by people who are not signed in, per address… */
  anonymousUploadKiBPerAddress: { points: 100 * KIBIBYTES_PER_MEBIBYTE, windowSeconds: HOUR, counts: 'KiB uploaded anonymously per address' },
  /** …and by all of them together, which bounds how fast the data folder can grow. */
  anonymousUploadKiBTotal: { points: 2048 * KIBIBYTES_PER_MEBIBYTE, windowSeconds: DAY, counts: 'KiB uploaded anonymously in total' },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;

/**
 * A request body over LARGE_BODY_BYTES (in practice: one carrying files) costs the server
 * real work as it arrives, since Next.js parses the whole of it before any action runs.
 * Few are read at once, per process: per account, and for people who are not signed in
 * per address and all together; one more is refused at the door with a short wait. A
 * person sends one form at a time; a script sends many. Accounts have no total, so staff
 * can always upload, whatever anonymous clients do.
 */
export const LARGE_BODY_BYTES = 1024 * 1024;
export const LARGE_BODIES_IN_FLIGHT = {
  perAccount: 2,
  perAnonymousAddress: 2,
  anonymousTotal: 6,
  retryAfterSeconds: 5,
} as const;

/**
 * How fast the server reads the bodies of files sent by people who are not signed in,
 * all together per process: reading is parsing, on the thread that answers everyone, so
 * at full speed 20 scripts uploading within their quotas made every page wait seconds.
 * A 10 MiB photo still arrives in a second or two; under such an attack, in several.
 */
export const ANONYMOUS_UPLOAD_READ_RATE = { bytesPerSecond: 8 * 1024 * 1024, burstBytes: 8 * 1024 * 1024 } as const;

/**
 * Guessing a secret (a password, a grievance's access key): a few failures are free,
 * then each further failure makes the next attempt wait, doubling up to a ceiling.
 * Attempts refused while waiting are not failures, so the wait never grows from being
 * refused, and the ceiling keeps it short: nobody is locked out, a guesser is slowed.
 */
export interface FailureBackoffPolicy {
  freeFailures: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const FAILURE_BACKOFF_POLICIES = {
  /**
   * One account from one address: OWASP's "consecutive failures for a username and IP".
   * The owner signing in from elsewhere is not affected at all.
   */
  signInAccountAddress: { freeFailures: 5, windowSeconds: HOUR, firstDelaySeconds: 1, maxDelaySeconds: 30 },
  /** One address, whatever the accounts: catches spraying many e-mails; higher, since a school or office shares an address. */
  signInAddress: { freeFailures: 50, windowSeconds: HOUR, firstDelaySeconds: 1, maxDelaySeconds: 60 },
  grievanceCodeCaseAddress: { freeFailures: 5, windowSeconds: HOUR, firstDelaySeconds: 1, maxDelaySeconds: 30 },
  /** Behind a proxy without TRUST_PROXY every complainant shares one address: high, and short waits. */
  grievanceCodeAddress: { freeFailures: 100, windowSeconds: HOUR, firstDelaySeconds: 1, maxDelaySeconds: 30 },
} as const satisfies Record<string, FailureBackoffPolicy>;

export type FailureBackoffName = keyof typeof FAILURE_BACKOFF_POLICIES;

/** The wait after the `failures`-th failure within the window; 0 while failures are free. */
export function backoffDelaySeconds(policy: FailureBackoffPolicy, failures: number): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  // 2 ** 30 seconds is already far past any ceiling; the exponent is capped so a huge count cannot overflow.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(beyond - 1, 30));
}
