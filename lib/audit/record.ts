// The audit log: what administrators, staff and the system did with accounts and
// personal data. Entries name ids, roles and facts, never a name, an address or a text,
// so the log itself needs no erasing when an account is deleted.
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditEntries } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import type { Role } from '@/lib/auth/roles';
import { isUuid } from '@/lib/validation/uuid';
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

/** Where a page of the log ends: the last entry shown, by time and then id (entries can share a time). */
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export function auditCursorText(entry: AuditCursor): string {
  return `${entry.createdAt.toISOString()}_${entry.id}`;
}

export function parseAuditCursor(text: unknown): AuditCursor | null {
  if (typeof text !== 'string') return null;
  const [time = '', id = ''] = text.split('_');
  const createdAt = new Date(time);
  return Number.isNaN(createdAt.getTime()) || !isUuid(id) ? null : { createdAt, id };
}

/** The newest entries first, a page at a time (`before`: where the previous page ended); optionally one action. */
export async function listAuditEntries(
  db: Db,
  { actor, action, before }: { actor: Actor; action?: AuditAction; before?: AuditCursor | null },
): Promise<AuditEntry[]> {
  authorize(actor, 'audit.view');
  const conditions: SQL[] = [];
  if (action) conditions.push(eq(auditEntries.action, action));
  if (before) {
    conditions.push(or(lt(auditEntries.createdAt, before.createdAt), and(eq(auditEntries.createdAt, before.createdAt), lt(auditEntries.id, before.id)))!);
  }
  return db
    .select()
    .from(auditEntries)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(AUDIT_PAGE_SIZE);
}
