// Replies: the dialogue under an input. Threads are one level deep, so a reply to a
// reply joins the thread of the input it belongs to. The input's author hears of each
// reply once the public can read it.
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { notify, sendAfterCommit, type PendingEmail } from '@/lib/notifications/notify';
import { initialPublication, loadInputContext, refuseUnlessOpen, refuseUnlessPublished, signedInId } from './context';
import { insertInputOnce, type SubmittedInput } from './insert-input-once';
import type { ReplyInput } from './schemas';

export interface PublishedReply {
  consultationId: string;
  threadId: string;
  threadAuthorId: string | null;
  replyAuthorId: string | null;
}

/** Tells the thread's author about a reply that just became public, unless they wrote it. */
export async function notifyThreadAuthorOfReply(db: Db, reply: PublishedReply): Promise<PendingEmail> {
  if (reply.threadAuthorId === null || reply.threadAuthorId === reply.replyAuthorId) return null;
  return notify(db, { userId: reply.threadAuthorId, kind: 'input_replied', consultationId: reply.consultationId, inputId: reply.threadId });
}

export async function replyToInput(
  db: Db,
  { actor, now = new Date(), parentId, body, submissionKey }: ReplyInput & { actor: Actor; now?: Date },
): Promise<SubmittedInput> {
  const target = await loadInputContext(db, { actor, inputId: parentId, now, field: 'parentId' });
  const { consultation } = target;
  refuseUnlessOpen(consultation.phase);
  refuseUnlessPublished(target);
  authorize(actor, 'input.reply', { phase: consultation.phase });
  const authorId = signedInId(actor);

  const emails: PendingEmail[] = [];
  const reply = await db.transaction(async (tx) => {
    const created = await insertInputOnce(tx, {
      consultationId: consultation.id,
      parentId: target.threadId,
      body,
      submissionKey,
      authorId,
      channel: 'online',
      createdAt: now,
      ...initialPublication(consultation.moderationMode, now),
    });
    if (!created.isDuplicate && created.status === 'published') {
      emails.push(await notifyThreadAuthorOfReply(tx, { consultationId: consultation.id, threadId: target.threadId, threadAuthorId: target.threadAuthorId, replyAuthorId: authorId }));
    }
    return created;
  });
  sendAfterCommit(emails);
  return reply;
}
