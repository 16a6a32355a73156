// Moderators publish, hide and restore input, or dismiss the reports about it. They
// never change what someone wrote. Each decision is one transaction: the new status,
// the public log entry, the resolved reports and the author's notification, so none
// of them can exist without the others.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { inputReports, inputs, moderationActions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { signedInUser } from '@/lib/inputs/context';
import { notifyThreadAuthorOfReply } from '@/lib/inputs/reply';
import type { InputStatus } from '@/lib/inputs/vocabulary';
import { notify, sendAfterCommit, type PendingEmail } from '@/lib/notifications/notify';
import type { ModerateInput } from './schemas';
import type { ModerationAction } from './vocabulary';

export interface ModerationResult {
  inputId: string;
  number: number;
  status: InputStatus;
  /** How many open reports the decision resolved. */
  resolvedReports: number;
}

/** The status an action leads to from `current`; conflict for any other move. */
function nextStatus(action: ModerationAction, current: InputStatus): InputStatus {
  switch (action) {
    case 'publish':
      // A hidden input is brought back by "restore", which the log then shows as such.
      if (current === 'pending') return 'published';
      throw new AppError('conflict', { detail: `cannot publish ${current} input`, fieldErrors: { form: 'inputNotPending' } });
    case 'hide':
      if (current !== 'hidden') return 'hidden';
      throw new AppError('conflict', { detail: 'input already hidden', fieldErrors: { form: 'inputAlreadyHidden' } });
    case 'restore':
      if (current === 'hidden') return 'published';
      throw new AppError('conflict', { detail: `cannot restore ${current} input`, fieldErrors: { form: 'inputNotHidden' } });
    case 'dismiss_reports':
      return current;
  }
}

type LockedInput = Pick<typeof inputs.$inferSelect, 'id' | 'number' | 'consultationId' | 'parentId' | 'authorId' | 'status' | 'publishedAt'>;

/** The input, locked until the transaction ends, so two moderators cannot both decide on it. */
async function lockInput(tx: Db, inputId: string): Promise<LockedInput> {
  const [input] = await tx
    .select({
      id: inputs.id,
      number: inputs.number,
      consultationId: inputs.consultationId,
      parentId: inputs.parentId,
      authorId: inputs.authorId,
      status: inputs.status,
      publishedAt: inputs.publishedAt,
    })
    .from(inputs)
    .where(eq(inputs.id, inputId))
    .for('update');
  if (!input) throw new AppError('not_found', { detail: 'input not found', fieldErrors: { inputId: 'inputNotFound' } });
  return input;
}

async function resolveOpenReports(tx: Db, inputId: string, now: Date): Promise<number> {
  const resolved = await tx
    .update(inputReports)
    .set({ resolvedAt: now })
    .where(and(eq(inputReports.inputId, inputId), isNull(inputReports.resolvedAt)))
    .returning({ id: inputReports.id });
  return resolved.length;
}

async function threadAuthorId(tx: Db, parentId: string): Promise<string | null> {
  const [parent] = await tx.select({ authorId: inputs.authorId }).from(inputs).where(eq(inputs.id, parentId));
  return parent?.authorId ?? null;
}

/** What the author (and, for a reply that becomes public for the first time, the thread's author) are told. */
async function notifyOfDecision(tx: Db, input: LockedInput, decision: ModerateInput): Promise<PendingEmail[]> {
  const emails: PendingEmail[] = [];
  const about = { consultationId: input.consultationId, inputId: input.id };
  if (input.authorId !== null) {
    if (decision.action === 'publish') emails.push(await notify(tx, { userId: input.authorId, kind: 'input_published', ...about }));
    if (decision.action === 'hide') emails.push(await notify(tx, { userId: input.authorId, kind: 'input_hidden', ...about, reason: decision.reason, note: decision.note }));
    if (decision.action === 'restore') emails.push(await notify(tx, { userId: input.authorId, kind: 'input_restored', ...about }));
  }
  const isFirstPublication = input.publishedAt === null && (decision.action === 'publish' || decision.action === 'restore');
  if (input.parentId !== null && isFirstPublication) {
    const reply = { consultationId: input.consultationId, threadId: input.parentId, threadAuthorId: await threadAuthorId(tx, input.parentId), replyAuthorId: input.authorId };
    emails.push(await notifyThreadAuthorOfReply(tx, reply));
  }
  return emails;
}

export async function moderateInput(db: Db, { actor, now = new Date(), ...decision }: ModerateInput & { actor: Actor; now?: Date }): Promise<ModerationResult> {
  authorize(actor, 'input.moderate');
  const { id: actorId, role: actorRole } = signedInUser(actor);

  const emails: PendingEmail[] = [];
  const result = await db.transaction(async (tx) => {
    const input = await lockInput(tx, decision.inputId);
    const status = nextStatus(decision.action, input.status);
    const resolvedReports = await resolveOpenReports(tx, input.id, now);
    if (decision.action === 'dismiss_reports' && resolvedReports === 0) {
      throw new AppError('conflict', { detail: 'no open reports', fieldErrors: { form: 'noOpenReports' } });
    }
    if (status !== input.status) {
      const publishedAt = status === 'published' ? (decision.action === 'publish' ? now : (input.publishedAt ?? now)) : input.publishedAt;
      await tx.update(inputs).set({ status, publishedAt }).where(eq(inputs.id, input.id));
    }
    await tx.insert(moderationActions).values({
      consultationId: input.consultationId,
      inputId: input.id,
      action: decision.action,
      reason: decision.action === 'hide' ? decision.reason : null,
      note: decision.action === 'hide' ? decision.note : null,
      actorId,
      actorRole,
      createdAt: now,
    });
    emails.push(...(await notifyOfDecision(tx, input, decision)));
    return { inputId: input.id, number: input.number, status, resolvedReports };
  });
  sendAfterCommit(emails);
  return result;
}
