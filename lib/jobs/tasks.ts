// Every periodic task of Participa, in one list for the scheduler (server/index.ts).
import { SESSION_PRUNE_INTERVAL_MS, pruneExpiredSessions } from '@/lib/auth/sessions';
import type { Environment } from '@/lib/env';
import { RATE_LIMIT_PRUNE_INTERVAL_MS, pruneExpiredRateLimits } from '@/lib/rate-limit/store';
import { applyRetention } from '@/lib/retention/apply-retention';
import type { ScheduledTask } from './scheduler';

const DAY_MS = 24 * 60 * 60 * 1000;

export function scheduledTasksFor(environment: Pick<Environment, 'RETENTION_GRIEVANCE_CONTACT_DAYS' | 'RETENTION_AUDIT_DAYS'>): ScheduledTask[] {
  return [
    { name: 'retention', everyMs: DAY_MS, run: (db, now) => applyRetention(db, environment, now) },
    // Ended sessions go: a missing row refuses a cookie just as a revoked one does.
    { name: 'prune-sessions', everyMs: SESSION_PRUNE_INTERVAL_MS, run: async (db, now) => ({ sessionsDeleted: await pruneExpiredSessions(db, { now }) }) },
    // Rate-limit counters in the database (hashed keys) are kept no longer than they count.
    { name: 'prune-rate-limits', everyMs: RATE_LIMIT_PRUNE_INTERVAL_MS, run: async (db, now) => void (await pruneExpiredRateLimits(db, now)) },
  ];
}
