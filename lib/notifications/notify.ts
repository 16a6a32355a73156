// Telling a person that something happened to their input: a notification in the app
// and, when e-mail is configured, an e-mail. The row is written with the caller's
// change (pass the transaction); the e-mail goes out only after that committed, so
// nobody is mailed about a change that was rolled back, and a slow mail server never
// holds a transaction open. A complainant without an account has no notifications: news
// on their case goes only by e-mail, to the contact address they gave (contactEmail).
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations, grievances, inputs, notifications, users } from '@/db/schema';
import type { GrievanceStep } from '@/lib/grievances/vocabulary';
import { DEFAULT_LOCALE } from '@/lib/i18n/config';
import type { HideReason } from '@/lib/moderation/vocabulary';
import { currentMailer, sendNotificationEmail, type NotificationEmail } from './mailer';
import type { NotificationKind } from './vocabulary';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  consultationId?: string | null;
  inputId?: string | null;
  grievanceId?: string | null;
  reason?: HideReason | null;
  note?: string | null;
}

/** An e-mail to hand to sendAfterCommit(); null when e-mail is not configured. */
export type PendingEmail = NotificationEmail | null;

async function loadEmail(db: Db, notificationId: string): Promise<NotificationEmail | null> {
  const [row] = await db
    .select({
      to: users.email,
      delivery: users.emailDelivery,
      locale: users.locale,
      kind: notifications.kind,
      consultationTitle: consultations.title,
      inputNumber: inputs.number,
      grievanceReference: grievances.reference,
      reason: notifications.reason,
      note: notifications.note,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(consultations, eq(consultations.id, notifications.consultationId))
    .leftJoin(inputs, eq(inputs.id, notifications.inputId))
    .leftJoin(grievances, eq(grievances.id, notifications.grievanceId))
    .where(eq(notifications.id, notificationId))
    .limit(1);
  // A deleted account has no address left to write to; some people want no e-mail at all.
  if (!row?.to || row.delivery === 'none') return null;
  const { delivery: _delivery, ...email } = row;
  return { ...email, to: row.to };
}

/** Stores the notification (with `db` or the caller's transaction) and prepares its e-mail. */
export async function notify(db: Db, notification: NewNotification): Promise<PendingEmail> {
  const [stored] = await db
    .insert(notifications)
    .values({
      userId: notification.userId,
      kind: notification.kind,
      consultationId: notification.consultationId ?? null,
      inputId: notification.inputId ?? null,
      grievanceId: notification.grievanceId ?? null,
      reason: notification.reason ?? null,
      note: notification.note ?? null,
    })
    .returning({ id: notifications.id });
  if (!stored || currentMailer() === null) return null;
  return loadEmail(db, stored.id);
}

/**
 * The e-mail telling the contact address of a complainant without an account that the
 * city took `step` in their case; null when e-mail is not configured. It names the case
 * by reference and the step, never its text or the message, and is in the default
 * language: without an account, nobody chose another.
 */
export function contactEmail({ to, grievanceReference, step }: { to: string; grievanceReference: string; step: GrievanceStep }): PendingEmail {
  if (currentMailer() === null) return null;
  return { to, locale: DEFAULT_LOCALE, kind: 'grievance_updated_contact', consultationTitle: null, inputNumber: null, grievanceReference, reason: null, note: step };
}

/** Sends the prepared e-mails without waiting for them: the person's action is done either way. */
export function sendAfterCommit(emails: readonly PendingEmail[]): void {
  const mailer = currentMailer();
  if (!mailer) return;
  for (const email of emails) {
    if (email) void sendNotificationEmail(mailer, email);
  }
}
