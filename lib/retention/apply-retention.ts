// The retention periods, applied once a day by the scheduler (lib/jobs/scheduler.ts):
// closed grievances lose the complainant's contact details and account link after
// RETENTION_GRIEVANCE_CONTACT_DAYS; used and expired e-mail links, ended sessions and
// spent rate-limit counters go as soon as they are of no use; the audit log keeps
// RETENTION_AUDIT_DAYS. Each run is itself recorded in the audit log, by counts.
import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditEntries, grievances } from '@/db/schema';
import { pruneAccountTokens } from '@/lib/accounts/account-tokens';
import { recordAudit } from '@/lib/audit/record';
import { pruneExpiredSessions } from '@/lib/auth/sessions';
import type { Environment } from '@/lib/env';
import { pruneExpiredRateLimits } from '@/lib/rate-limit/store';

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionPeriods = Pick<Environment, 'RETENTION_GRIEVANCE_CONTACT_DAYS' | 'RETENTION_AUDIT_DAYS'>;

export interface RetentionResult {
  grievancesAnonymized: number;
  accountLinksDeleted: number;
  sessionsDeleted: number;
  auditEntriesDeleted: number;
  [key: string]: number;
}

export async function applyRetention(db: Db, periods: RetentionPeriods, now = new Date()): Promise<RetentionResult> {
  const grievanceCutoff = new Date(now.getTime() - periods.RETENTION_GRIEVANCE_CONTACT_DAYS * DAY_MS);
  const anonymized = await db
    .update(grievances)
    .set({ filerId: null, contactName: null, contactEmail: null, contactPhone: null })
    .where(
      and(
        lt(grievances.closedAt, grievanceCutoff),
        or(isNotNull(grievances.filerId), isNotNull(grievances.contactName), isNotNull(grievances.contactEmail), isNotNull(grievances.contactPhone)),
      ),
    )
    .returning({ id: grievances.id });
  const accountLinksDeleted = await pruneAccountTokens(db, { now });
  const sessionsDeleted = await pruneExpiredSessions(db, { now });
  await pruneExpiredRateLimits(db, now);
  const auditCutoff = new Date(now.getTime() - periods.RETENTION_AUDIT_DAYS * DAY_MS);
  const expiredAudit = await db.delete(auditEntries).where(lt(auditEntries.createdAt, auditCutoff)).returning({ id: auditEntries.id });
  const result = { grievancesAnonymized: anonymized.length, accountLinksDeleted, sessionsDeleted, auditEntriesDeleted: expiredAudit.length };
  await recordAudit(db, { actor: null, action: 'retention_applied', subjectType: 'retention', details: result, now });
  return result;
}
