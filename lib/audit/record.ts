// The audit log: what administrators, staff and the system did with accounts and
// personal data. Entries name ids, roles and facts, never a name, an address or a text,
// so the log itself needs no erasing when an account is deleted.
import { desc, eq, lt, and, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditEntries } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { Role } from '@/lib/auth/roles';
import type { AuditAction } from './vocabulary';

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntryInput {
  /** Who acted: a signed-in actor, or null for the system (the retention job). */
  actor: Actor | null;
  action: AuditAction;
  subjectType: 'account' | 'grievance' | 'legal_document' | 'retention';
  subjectId?: string | null;
  details?: AuditDetails;
  now?: Date;
}

export async function recordAudit(db: Db, { actor, action, subjectType, subjectId = null, details = {}, now = new Date() }: AuditEntryInput): Promise<void> {
  const signedIn = actor && isSignedIn(actor) ? actor : null;
  await db.insert(auditEntries).values({
    action,
    actorId: signedIn?.id ?? null,
    actorRole: signedIn?.role ?? null,
    subjectType,
    subjectId,
    details,
    createdAt: now,
  });
}

export interface AuditEntry {
  id: string;
  action: AuditAction;
  actorId: string | null;
  actorRole: Role | null;
  subjectType: string;
  subjectId: string | null;
  details: AuditDetails;
  createdAt: Date;
}

export const AUDIT_PAGE_SIZE = 50;

/** The newest entries first, a page at a time (`before`: the createdAt of the last entry shown); optionally one action. */
export async function listAuditEntries(
  db: Db,
  { actor, action, before }: { actor: Actor; action?: AuditAction; before?: Date },
): Promise<AuditEntry[]> {
  authorize(actor, 'audit.view');
  const conditions: SQL[] = [];
  if (action) conditions.push(eq(auditEntries.action, action));
  if (before) conditions.push(lt(auditEntries.createdAt, before));
  return db
    .select()
    .from(auditEntries)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(AUDIT_PAGE_SIZE);
}
