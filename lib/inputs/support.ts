// Supports: a participant's "I agree" with someone else's input, at most one each, while
// the consultation is open. Replies are part of the dialogue, not something to count.
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { inputSupports } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { isAuthor, loadInputContext, refuseUnlessOpen, refuseUnlessPublished, signedInId, type InputContext } from './context';
import type { SupportInput } from './schemas';

export interface SupportState {
  supportCount: number;
  supportedByMe: boolean;
}

type SupportArguments = SupportInput & { actor: Actor; now?: Date };

async function authorizeSupport(db: Db, { actor, inputId, now = new Date() }: SupportArguments): Promise<InputContext> {
  const input = await loadInputContext(db, { actor, inputId, now });
  if (input.parentId !== null) throw new AppError('bad_request', { detail: 'replies cannot be supported', fieldErrors: { inputId: 'repliesCannotBeSupported' } });
  refuseUnlessOpen(input.consultation.phase);
  refuseUnlessPublished(input);
  authorize(actor, 'input.support', { phase: input.consultation.phase, isAuthor: isAuthor(actor, input.authorId) });
  return input;
}

async function supportCount(db: Db, inputId: string): Promise<number> {
  const [row] = await db.select({ supports: count() }).from(inputSupports).where(eq(inputSupports.inputId, inputId));
  return row?.supports ?? 0;
}

/** Supporting twice is the same as supporting once. */
export async function supportInput(db: Db, args: SupportArguments): Promise<SupportState> {
  const input = await authorizeSupport(db, args);
  await db.insert(inputSupports).values({ inputId: input.id, userId: signedInId(args.actor) }).onConflictDoNothing();
  return { supportCount: await supportCount(db, input.id), supportedByMe: true };
}

/** Withdrawing a support that does not exist changes nothing. */
export async function withdrawSupport(db: Db, args: SupportArguments): Promise<SupportState> {
  const input = await authorizeSupport(db, args);
  await db.delete(inputSupports).where(and(eq(inputSupports.inputId, input.id), eq(inputSupports.userId, signedInId(args.actor))));
  return { supportCount: await supportCount(db, input.id), supportedByMe: false };
}
