// What every input operation loads first: the consultation (with its phase now) and,
// for operations on an existing input, that input with the status of its thread. The
// visibility and "is it open" rules live here so that submitting, replying, supporting
// and reporting refuse in the same words.
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { consultations, inputs } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { consultationPhase, hasEnded, isPublic, type ConsultationPhase } from '@/lib/consultations/lifecycle';
import { consultationColumns, loadConsultation, type Consultation } from '@/lib/consultations/queries';
import type { ModerationMode } from '@/lib/consultations/vocabulary';
import { AppError } from '@/lib/errors';
import type { InputStatus } from './vocabulary';

export interface ConsultationContext {
  id: string;
  title: string;
  moderationMode: ModerationMode;
  planDocumentId: string | null;
  phase: ConsultationPhase;
  isPublic: boolean;
}

function toContext(row: Consultation, now: Date): ConsultationContext {
  return {
    id: row.id,
    title: row.title,
    moderationMode: row.moderationMode,
    planDocumentId: row.planDocumentId,
    phase: consultationPhase(row, now),
    isPublic: isPublic(row, now),
  };
}

/** The consultation as the actor may see it; not_found when it is missing or not public yet. */
export async function loadConsultationContext(db: Db, { actor, consultationId, now }: { actor: Actor; consultationId: string; now: Date }): Promise<ConsultationContext> {
  const row = await loadConsultation(db, consultationId);
  const consultation = row ? toContext(row, now) : null;
  if (!consultation || !can(actor, 'consultation.view', { isPublic: consultation.isPublic })) {
    throw new AppError('not_found', { detail: 'consultation not found', fieldErrors: { consultationId: 'consultationNotFound' } });
  }
  return consultation;
}

/**
 * Refuses taking part outside the open phase, saying whether it is too early or too
 * late: people who come before the opening date should come back, not give up.
 */
export function refuseUnlessOpen(phase: ConsultationPhase): void {
  if (phase === 'open') return;
  if (hasEnded(phase)) throw new AppError('conflict', { detail: 'consultation closed', fieldErrors: { form: 'consultationClosed' } });
  throw new AppError('conflict', { detail: 'consultation not open yet', fieldErrors: { form: 'consultationNotOpenYet' } });
}

/** How new input (and replies) start: visible at once under post-moderation, after review under pre-moderation. */
export function initialPublication(moderationMode: ModerationMode, now: Date): { status: InputStatus; publishedAt: Date | null } {
  return moderationMode === 'pre' ? { status: 'pending', publishedAt: null } : { status: 'published', publishedAt: now };
}

export interface InputContext {
  id: string;
  number: number;
  parentId: string | null;
  authorId: string | null;
  status: InputStatus;
  /** The top-level input of the thread: the input itself, or a reply's parent. */
  threadId: string;
  threadStatus: InputStatus;
  threadAuthorId: string | null;
  consultation: ConsultationContext;
}

const threadRoots = alias(inputs, 'thread_roots');

async function loadInputRow(db: Db, inputId: string) {
  const [row] = await db
    .select({
      input: { id: inputs.id, number: inputs.number, parentId: inputs.parentId, authorId: inputs.authorId, status: inputs.status },
      root: { id: threadRoots.id, status: threadRoots.status, authorId: threadRoots.authorId },
      consultation: consultationColumns,
    })
    .from(inputs)
    .innerJoin(consultations, eq(consultations.id, inputs.consultationId))
    .leftJoin(threadRoots, eq(threadRoots.id, inputs.parentId))
    .where(eq(inputs.id, inputId))
    .limit(1);
  return row;
}

/** Whether the actor may see this input (or reply) at all: published in a public thread, or their own, or staff. */
export function canSeeInput(actor: Actor, input: InputContext): boolean {
  if (!can(actor, 'consultation.view', { isPublic: input.consultation.isPublic })) return false;
  if (input.status === 'published' && input.threadStatus === 'published') return true;
  return can(actor, 'input.viewUnpublished', { isAuthor: isAuthor(actor, input.authorId) });
}

export function isAuthor(actor: Actor, authorId: string | null): boolean {
  return isSignedIn(actor) && authorId !== null && authorId === actor.id;
}

/** The input as the actor may see it, or null when it is missing or hidden from them. */
export async function findInputContext(db: Db, { actor, inputId, now }: { actor: Actor; inputId: string; now: Date }): Promise<InputContext | null> {
  const row = await loadInputRow(db, inputId);
  if (!row) return null;
  const input: InputContext = {
    ...row.input,
    threadId: row.root?.id ?? row.input.id,
    threadStatus: row.root?.status ?? row.input.status,
    threadAuthorId: row.root ? row.root.authorId : row.input.authorId,
    consultation: toContext(row.consultation, now),
  };
  return canSeeInput(actor, input) ? input : null;
}

/** Like findInputContext, but not_found (on `field`) instead of null. */
export async function loadInputContext(
  db: Db,
  { actor, inputId, now, field = 'inputId' }: { actor: Actor; inputId: string; now: Date; field?: string },
): Promise<InputContext> {
  const input = await findInputContext(db, { actor, inputId, now });
  if (!input) throw new AppError('not_found', { detail: 'input not found', fieldErrors: { [field]: 'inputNotFound' } });
  return input;
}

/** Supports, replies and reports are for what the public can read: the input and its thread published. */
export function refuseUnlessPublished(input: InputContext): void {
  if (input.status === 'published' && input.threadStatus === 'published') return;
  throw new AppError('conflict', { detail: 'input not published', fieldErrors: { form: 'inputNotPublished' } });
}

/** The signed-in actor, for functions that authorize() has already let through. */
export function signedInUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (!isSignedIn(actor)) throw new AppError('unauthenticated', { detail: 'not signed in' });
  return actor;
}

export function signedInId(actor: Actor): string {
  return signedInUser(actor).id;
}
