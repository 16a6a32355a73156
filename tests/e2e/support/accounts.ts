// Accounts the tests use: the seeded demo accounts, and fresh residents made per test.
import { randomBytes } from 'node:crypto';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export const DEMO_PASSWORD = 'participa-demo';

/** Seeded by db/seed.ts whenever the embedded database starts (SEED_DEMO). */
export const DEMO = {
  admin: { name: 'Ada Admin', email: 'admin@participa.example', password: DEMO_PASSWORD },
  moderator: { name: 'Marta Moderator', email: 'moderator@participa.example', password: DEMO_PASSWORD },
  ngo: { name: 'Nuno NGO', email: 'ngo@participa.example', password: DEMO_PASSWORD },
  resident: { name: 'Rosa Resident', email: 'resident@participa.example', password: DEMO_PASSWORD },
  /** The two grievance officers: an appeal against one's answer is decided by the other (or an administrator). */
  greta: { name: 'Greta Grievance', email: 'grievances@participa.example', password: DEMO_PASSWORD },
  omar: { name: 'Omar Officer', email: 'officer@participa.example', password: DEMO_PASSWORD },
} as const satisfies Record<string, Account>;

export function uniqueSuffix(): string {
  return `${Date.now()}-${randomBytes(3).toString('hex')}`;
}

/** A new resident's details, unique across tests, workers and runs. */
export function freshAccountDetails(): Account {
  const suffix = uniqueSuffix();
  return {
    name: `Test Resident ${suffix}`,
    email: `resident-${suffix}@example.org`,
    password: `pass-${randomBytes(6).toString('hex')}`,
  };
}

/**
 * A client address of its own (IPv6 documentation range), sent as X-Forwarded-For.
 * The e2e server trusts that header (TRUST_PROXY), so sign-in throttling counts each
 * test's failures separately, as it would for people on different connections.
 */
export function uniqueClientAddress(): string {
  const groups = Array.from({ length: 4 }, () => randomBytes(2).toString('hex'));
  return `2001:db8:${groups.join(':')}::1`;
}
