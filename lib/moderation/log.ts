// The public moderation log of a consultation: every decision with its time, reason
// and the moderator's role, so anyone can see how moderation works. It names inputs by
// number only: repeating a hidden text here would undo the hiding, and moderators act
// for the city, not in their own name.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { inputs, moderationActions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';
import { loadConsultationContext } from '@/lib/inputs/context';
import type { HideReason, ModerationAction } from './vocabulary';

export interface ModerationLogEntry {
  at: Date;
  action: ModerationAction;
  reason: HideReason | null;
  note: string | null;
  actorRole: Role;
  inputNumber: number;
  isReply: boolean;
}

export const MODERATION_LOG_PAGE_SIZE = 100;

/**
 * One page of the log, newest first; not_found when the actor may not see the
 * consultation. The actor is required: staff read the log of a draft, which a default of
 * "anonymous" would refuse as not found.
 */
export async function publicModerationLog(
  db: Db,
  { consultationId, page = 1, actor, now = new Date() }: { consultationId: string; page?: number; actor: Actor; now?: Date },
): Promise<ModerationLogEntry[]> {
  await loadConsultationContext(db, { actor, consultationId, now });
  const rows = await db
    .select({
      at: moderationActions.createdAt,
      action: moderationActions.action,
      reason: moderationActions.reason,
      note: moderationActions.note,
      actorRole: moderationActions.actorRole,
      inputNumber: inputs.number,
      parentId: inputs.parentId,
    })
    .from(moderationActions)
    .innerJoin(inputs, eq(inputs.id, moderationActions.inputId))
    .where(eq(moderationActions.consultationId, consultationId))
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(MODERATION_LOG_PAGE_SIZE)
    .offset((Math.max(1, Math.floor(page)) - 1) * MODERATION_LOG_PAGE_SIZE);
  return rows.map(({ parentId, ...entry }) => ({ ...entry, isReply: parentId !== null }));
}
