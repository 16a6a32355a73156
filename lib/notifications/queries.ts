// A person's notifications: only ever their own, newest first. The text of each comes
// from the catalogue in the reader's language; rows hold ids, numbers and reasons.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations, grievances, inputs, notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { signedInId } from '@/lib/inputs/context';
import type { HideReason } from '@/lib/moderation/vocabulary';
import type { NotificationKind } from './vocabulary';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  consultation: { id: string; title: string } | null;
  input: { id: string; number: number } | null;
  /** For grievance_updated: the case, by its public reference (never its text). */
  grievance: { id: string; reference: string } | null;
  reason: HideReason | null;
  note: string | null;
  createdAt: Date;
  readAt: Date | null;
}

function readerId(actor: Actor): string {
  authorize(actor, 'notification.read');
  return signedInId(actor);
}

export async function listNotifications(db: Db, { actor, limit = 50 }: { actor: Actor; limit?: number }): Promise<NotificationView[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      consultationId: consultations.id,
      consultationTitle: consultations.title,
      inputId: inputs.id,
      inputNumber: inputs.number,
      grievanceId: grievances.id,
      grievanceReference: grievances.reference,
      reason: notifications.reason,
      note: notifications.note,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(consultations, eq(consultations.id, notifications.consultationId))
    .leftJoin(inputs, eq(inputs.id, notifications.inputId))
    .leftJoin(grievances, eq(grievances.id, notifications.grievanceId))
    .where(eq(notifications.userId, readerId(actor)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(Math.max(1, Math.floor(limit)), 200));
  return rows.map(({ consultationId, consultationTitle, inputId, inputNumber, grievanceId, grievanceReference, ...row }) => ({
    ...row,
    consultation: consultationId !== null && consultationTitle !== null ? { id: consultationId, title: consultationTitle } : null,
    input: inputId !== null && inputNumber !== null ? { id: inputId, number: inputNumber } : null,
    grievance: grievanceId !== null && grievanceReference !== null ? { id: grievanceId, reference: grievanceReference } : null,
  }));
}

export async function countUnread(db: Db, { actor }: { actor: Actor }): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, readerId(actor)), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

export async function markAllRead(db: Db, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, readerId(actor)), isNull(notifications.readAt)));
}

/** Marking a read notification again keeps its first read time; someone else's is not_found. */
export async function markRead(db: Db, { actor, notificationId, now = new Date() }: { actor: Actor; notificationId: string; now?: Date }): Promise<void> {
  const userId = readerId(actor);
  const [marked] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (marked) return;
  const [own] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)));
  if (!own) throw new AppError('not_found', { detail: 'notification not found' });
}
