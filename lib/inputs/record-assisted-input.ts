// Input that reached the city on paper, by phone or at a meeting, typed in by staff so
// that people without an account (or without the internet) are heard as well.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { initialPublication, loadConsultationContext, refuseUnlessOpen, signedInId } from './context';
import { insertInputOnce, type SubmittedInput } from './insert-input-once';
import type { AssistedInputInput } from './schemas';

/** The account of the person, so the input shows among their own; the e-mail itself is not stored. */
async function participantAccountId(db: Db, email: string | undefined): Promise<string | null> {
  if (email === undefined) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!account) throw new AppError('bad_request', { detail: 'no account with this e-mail', fieldErrors: { participantEmail: 'participantAccountNotFound' } });
  return account.id;
}

export async function recordAssistedInput(
  db: Db,
  { actor, now = new Date(), consultationId, kind, title, body, submissionKey, channel, participantName, participantEmail }: AssistedInputInput & { actor: Actor; now?: Date },
): Promise<SubmittedInput> {
  const consultation = await loadConsultationContext(db, { actor, consultationId, now });
  refuseUnlessOpen(consultation.phase);
  authorize(actor, 'input.recordAssisted', { phase: consultation.phase });

  return insertInputOnce(db, {
    consultationId,
    kind,
    title,
    body,
    submissionKey,
    channel,
    participantName: participantName ?? null,
    authorId: await participantAccountId(db, participantEmail),
    recordedBy: signedInId(actor),
    createdAt: now,
    ...initialPublication(consultation.moderationMode, now),
  });
}
