// Staff answer what people said: one input, or a theme of inputs that say the same
// thing. An answer is public once recorded; changing it later keeps the earlier
// wording as a revision. Every author the answer reaches is notified in the same
// transaction, so nobody is told of an answer that was rolled back.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations, decisions, inputResponses, inputs, inputThemeMembers, inputThemes, responseDecisions, responseRevisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { consultationPhase } from '@/lib/consultations/lifecycle';
import { consultationColumns } from '@/lib/consultations/queries';
import { AppError } from '@/lib/errors';
import { signedInId } from '@/lib/inputs/context';
import { notify, sendAfterCommit, type PendingEmail } from '@/lib/notifications/notify';
import type { CreateThemeInput, RespondInput, ThemeMembershipInput } from './schemas';
import type { ResponseOutcome } from './vocabulary';

const notFound = (field: string, key: string) => new AppError('not_found', { detail: `${field} not found`, fieldErrors: { [field]: key } });

/** The consultation, once the actor may record answers in it (input has stopped). */
async function consultationForAnswers(tx: Db, actor: Actor, consultationId: string, now: Date) {
  // A shared lock: answers may be recorded side by side, but not while a decision is
  // being published (which locks the row for update), so the number of unanswered
  // inputs kept with a published decision is exact.
  const [consultation] = await tx.select(consultationColumns).from(consultations).where(eq(consultations.id, consultationId)).limit(1).for('share');
  if (!consultation) throw notFound('consultationId', 'consultationNotFound');
  const phase = consultationPhase(consultation, now);
  if (!['closed', 'decided'].includes(phase)) throw new AppError('conflict', { detail: `answers while ${phase}`, fieldErrors: { form: 'response.inputStillOpen' } });
  authorize(actor, 'response.record', { phase });
  return consultation;
}

type LockedInput = { id: string; number: number; consultationId: string; parentId: string | null; status: string; authorId: string | null };

async function lockInputs(tx: Db, inputIds: readonly string[]): Promise<LockedInput[]> {
  if (inputIds.length === 0) return [];
  return tx
    .select({ id: inputs.id, number: inputs.number, consultationId: inputs.consultationId, parentId: inputs.parentId, status: inputs.status, authorId: inputs.authorId })
    .from(inputs)
    .where(inArray(inputs.id, [...inputIds]))
    .orderBy(inputs.id)
    .for('update');
}

/** Only published inputs (not replies) of this consultation can be answered or grouped. */
function refuseUnanswerable(input: LockedInput | undefined, consultationId: string): asserts input is LockedInput {
  if (!input || input.consultationId !== consultationId || input.parentId !== null) throw notFound('inputId', 'inputNotFound');
  if (input.status !== 'published') {
    throw new AppError('conflict', { detail: `input #${input.number} is ${input.status}`, fieldErrors: { form: 'response.inputNotPublished' } });
  }
}

async function checkDecisions(tx: Db, consultationId: string, decisionIds: readonly string[]): Promise<void> {
  if (decisionIds.length === 0) return;
  const found = await tx
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.consultationId, consultationId), inArray(decisions.id, [...decisionIds])));
  if (found.length !== new Set(decisionIds).size) throw notFound('decisionIds', 'decision.notFound');
}

/** Authors to tell: of the input, or of every published input in the theme. */
async function authorsReached(tx: Db, subject: { inputId: string } | { themeId: string }): Promise<Array<{ authorId: string; inputId: string }>> {
  const rows =
    'inputId' in subject
      ? await tx.select({ authorId: inputs.authorId, inputId: inputs.id }).from(inputs).where(eq(inputs.id, subject.inputId))
      : await tx
          .select({ authorId: inputs.authorId, inputId: inputs.id })
          .from(inputThemeMembers)
          .innerJoin(inputs, eq(inputs.id, inputThemeMembers.inputId))
          .where(and(eq(inputThemeMembers.themeId, subject.themeId), eq(inputs.status, 'published')));
  return rows.filter((row): row is { authorId: string; inputId: string } => row.authorId !== null);
}

async function notifyAuthors(
  tx: Db,
  { consultationId, outcome, kind, reached }: { consultationId: string; outcome: ResponseOutcome; kind: 'response_published' | 'response_revised'; reached: Array<{ authorId: string; inputId: string }> },
): Promise<PendingEmail[]> {
  const emails: PendingEmail[] = [];
  const mailed = new Set<string>();
  for (const { authorId, inputId } of reached) {
    // A notification per input; one e-mail per person, however many of their inputs a theme holds.
    const email = await notify(tx, { userId: authorId, kind, consultationId, inputId, note: outcome });
    if (!mailed.has(authorId)) emails.push(email);
    mailed.add(authorId);
  }
  return emails;
}

export interface RespondResult {
  responseId: string;
  revision: number;
  /** False when the form repeated the current answer word for word: nothing was stored. */
  changed: boolean;
}

/**
 * Records the answer to an input or a theme, or a new revision of it. `expectedRevision`
 * is the revision the person saw (0 for none): an answer someone else changed meanwhile
 * is not overwritten blindly.
 */
export async function respond(db: Db, { actor, now = new Date(), expectedRevision, ...answer }: RespondInput & { actor: Actor; now?: Date }): Promise<RespondResult> {
  authorize(actor, 'consultation.manage');
  const editorId = signedInId(actor);
  const emails: PendingEmail[] = [];
  const result = await db.transaction(async (tx) => {
    let consultationId: string;
    let subject: { inputId: string } | { themeId: string };
    if (answer.inputId !== undefined) {
      const [input] = await lockInputs(tx, [answer.inputId]);
      if (!input) throw notFound('inputId', 'inputNotFound');
      consultationId = input.consultationId;
      refuseUnanswerable(input, consultationId);
      const [membership] = await tx.select({ themeId: inputThemeMembers.themeId }).from(inputThemeMembers).where(eq(inputThemeMembers.inputId, input.id));
      if (membership) throw new AppError('conflict', { detail: 'input is in a theme', fieldErrors: { form: 'response.inputInTheme' } });
      subject = { inputId: input.id };
    } else {
      const [theme] = await tx.select({ id: inputThemes.id, consultationId: inputThemes.consultationId }).from(inputThemes).where(eq(inputThemes.id, answer.themeId!)).for('update');
      if (!theme) throw notFound('themeId', 'theme.notFound');
      consultationId = theme.consultationId;
      subject = { themeId: theme.id };
    }
    await consultationForAnswers(tx, actor, consultationId, now);
    await checkDecisions(tx, consultationId, answer.decisionIds);

    const [existing] = await tx
      .select({ id: inputResponses.id, outcome: inputResponses.outcome, explanation: inputResponses.explanation, revision: inputResponses.revision })
      .from(inputResponses)
      .where('inputId' in subject ? eq(inputResponses.inputId, subject.inputId) : eq(inputResponses.themeId, subject.themeId))
      .for('update');
    const decisionIds = [...new Set(answer.decisionIds)].sort();

    // Checked before the revision: a form sent twice (a double click, a retry) finds its
    // own answer stored, which is no conflict, and nothing of anyone's would be lost.
    if (existing) {
      const linked = (await tx.select({ id: responseDecisions.decisionId }).from(responseDecisions).where(eq(responseDecisions.responseId, existing.id))).map((row) => row.id).sort();
      const unchanged = existing.outcome === answer.outcome && existing.explanation === answer.explanation && linked.join() === decisionIds.join();
      if (unchanged) return { responseId: existing.id, revision: existing.revision, changed: false };
    }
    if (expectedRevision !== undefined && expectedRevision !== (existing?.revision ?? 0)) {
      throw new AppError('conflict', { detail: 'response changed meanwhile', fieldErrors: { form: 'response.changedMeanwhile' } });
    }

    const revision = (existing?.revision ?? 0) + 1;
    const [stored] = existing
      ? await tx
          .update(inputResponses)
          .set({ outcome: answer.outcome, explanation: answer.explanation, revision, respondedBy: editorId, updatedAt: now })
          .where(eq(inputResponses.id, existing.id))
          .returning({ id: inputResponses.id })
      : await tx
          .insert(inputResponses)
          .values({ consultationId, ...subject, outcome: answer.outcome, explanation: answer.explanation, revision, respondedBy: editorId, createdAt: now, updatedAt: now })
          .returning({ id: inputResponses.id });
    if (!stored) throw new AppError('internal', { detail: 'response not stored' });
    await tx.delete(responseDecisions).where(eq(responseDecisions.responseId, stored.id));
    if (decisionIds.length > 0) await tx.insert(responseDecisions).values(decisionIds.map((decisionId) => ({ responseId: stored.id, decisionId })));
    await tx.insert(responseRevisions).values({ responseId: stored.id, revision, outcome: answer.outcome, explanation: answer.explanation, decisionIds, editedBy: editorId, createdAt: now });

    const reached = await authorsReached(tx, subject);
    emails.push(...(await notifyAuthors(tx, { consultationId, outcome: answer.outcome, kind: existing ? 'response_revised' : 'response_published', reached })));
    return { responseId: stored.id, revision, changed: true };
  });
  sendAfterCommit(emails);
  return result;
}

/** An input with its own answer keeps it: it is not silently replaced by a theme's. */
async function refuseAnsweredOrGrouped(tx: Db, input: LockedInput): Promise<void> {
  const [own] = await tx.select({ id: inputResponses.id }).from(inputResponses).where(eq(inputResponses.inputId, input.id));
  if (own) throw new AppError('conflict', { detail: `input #${input.number} has its own response`, fieldErrors: { form: 'theme.inputHasOwnResponse' } });
  const [membership] = await tx.select({ themeId: inputThemeMembers.themeId }).from(inputThemeMembers).where(eq(inputThemeMembers.inputId, input.id));
  if (membership) throw new AppError('conflict', { detail: `input #${input.number} is in a theme`, fieldErrors: { form: 'theme.inputInOtherTheme' } });
}

export async function createTheme(db: Db, { actor, now = new Date(), consultationId, title, inputIds }: CreateThemeInput & { actor: Actor; now?: Date }): Promise<{ themeId: string }> {
  authorize(actor, 'consultation.manage');
  const creatorId = signedInId(actor);
  return db.transaction(async (tx) => {
    await consultationForAnswers(tx, actor, consultationId, now);
    const unique = [...new Set(inputIds)];
    const locked = await lockInputs(tx, unique);
    for (const inputId of unique) {
      const input = locked.find((row) => row.id === inputId);
      refuseUnanswerable(input, consultationId);
      await refuseAnsweredOrGrouped(tx, input);
    }
    const [theme] = await tx.insert(inputThemes).values({ consultationId, title, createdBy: creatorId, createdAt: now }).returning({ id: inputThemes.id });
    if (!theme) throw new AppError('internal', { detail: 'theme not stored' });
    await tx.insert(inputThemeMembers).values(unique.map((inputId) => ({ inputId, themeId: theme.id, addedAt: now })));
    return { themeId: theme.id };
  });
}

async function lockTheme(tx: Db, themeId: string) {
  const [theme] = await tx.select({ id: inputThemes.id, consultationId: inputThemes.consultationId }).from(inputThemes).where(eq(inputThemes.id, themeId)).for('update');
  if (!theme) throw notFound('themeId', 'theme.notFound');
  return theme;
}

/** Adds an input to a theme; if the theme is answered already, its author is told the answer. */
export async function addToTheme(db: Db, { actor, now = new Date(), themeId, inputId }: ThemeMembershipInput & { actor: Actor; now?: Date }): Promise<void> {
  authorize(actor, 'consultation.manage');
  const emails: PendingEmail[] = [];
  await db.transaction(async (tx) => {
    const theme = await lockTheme(tx, themeId);
    await consultationForAnswers(tx, actor, theme.consultationId, now);
    const [input] = await lockInputs(tx, [inputId]);
    refuseUnanswerable(input, theme.consultationId);
    await refuseAnsweredOrGrouped(tx, input);
    await tx.insert(inputThemeMembers).values({ inputId, themeId, addedAt: now });
    const [answer] = await tx.select({ outcome: inputResponses.outcome }).from(inputResponses).where(eq(inputResponses.themeId, themeId));
    if (answer && input.authorId !== null) {
      emails.push(await notify(tx, { userId: input.authorId, kind: 'response_published', consultationId: theme.consultationId, inputId, note: answer.outcome }));
    }
  });
  sendAfterCommit(emails);
}

/**
 * Takes an input out of its theme. If the theme was answered, the input keeps that
 * answer as one of its own (which staff may then change), so nothing its author was
 * told disappears; otherwise it is unanswered until answered on its own.
 */
export async function removeFromTheme(db: Db, { actor, now = new Date(), themeId, inputId }: ThemeMembershipInput & { actor: Actor; now?: Date }): Promise<void> {
  authorize(actor, 'consultation.manage');
  const editorId = signedInId(actor);
  await db.transaction(async (tx) => {
    const theme = await lockTheme(tx, themeId);
    await consultationForAnswers(tx, actor, theme.consultationId, now);
    const removed = await tx
      .delete(inputThemeMembers)
      .where(and(eq(inputThemeMembers.themeId, themeId), eq(inputThemeMembers.inputId, inputId)))
      .returning({ inputId: inputThemeMembers.inputId });
    if (removed.length === 0) throw notFound('inputId', 'inputNotFound');
    const [answer] = await tx
      .select({ id: inputResponses.id, outcome: inputResponses.outcome, explanation: inputResponses.explanation })
      .from(inputResponses)
      .where(eq(inputResponses.themeId, themeId));
    if (!answer) return;
    const decisionIds = (await tx.select({ id: responseDecisions.decisionId }).from(responseDecisions).where(eq(responseDecisions.responseId, answer.id))).map((row) => row.id).sort();
    const [own] = await tx
      .insert(inputResponses)
      .values({ consultationId: theme.consultationId, inputId, outcome: answer.outcome, explanation: answer.explanation, revision: 1, respondedBy: editorId, createdAt: now, updatedAt: now })
      .returning({ id: inputResponses.id });
    if (!own) throw new AppError('internal', { detail: 'response not stored' });
    if (decisionIds.length > 0) await tx.insert(responseDecisions).values(decisionIds.map((decisionId) => ({ responseId: own.id, decisionId })));
    await tx.insert(responseRevisions).values({ responseId: own.id, revision: 1, outcome: answer.outcome, explanation: answer.explanation, decisionIds, editedBy: editorId, createdAt: now });
  });
}

/** Unanswered themes can be dissolved; an answered theme is part of the record. */
export async function deleteTheme(db: Db, { actor, now = new Date(), themeId }: { actor: Actor; now?: Date; themeId: string }): Promise<void> {
  authorize(actor, 'consultation.manage');
  await db.transaction(async (tx) => {
    const theme = await lockTheme(tx, themeId);
    await consultationForAnswers(tx, actor, theme.consultationId, now);
    const [answer] = await tx.select({ id: inputResponses.id }).from(inputResponses).where(eq(inputResponses.themeId, themeId));
    if (answer) throw new AppError('conflict', { detail: 'theme answered', fieldErrors: { form: 'theme.answered' } });
    await tx.delete(inputThemes).where(eq(inputThemes.id, themeId));
  });
}
