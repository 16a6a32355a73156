// Why an input is hidden: the reason and note of the latest "hide" decision on it.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { moderationActions } from '@/db/schema';
import type { HideReason } from './vocabulary';

export interface HideExplanation {
  reason: HideReason;
  note: string;
  at: Date;
}

/** The latest hide decision per input, for the given inputs only. */
export async function latestHides(db: Db, inputIds: readonly string[]): Promise<Map<string, HideExplanation>> {
  if (inputIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([moderationActions.inputId], {
      inputId: moderationActions.inputId,
      reason: moderationActions.reason,
      note: moderationActions.note,
      at: moderationActions.createdAt,
    })
    .from(moderationActions)
    .where(and(inArray(moderationActions.inputId, [...inputIds]), eq(moderationActions.action, 'hide')))
    .orderBy(moderationActions.inputId, desc(moderationActions.createdAt));
  // A hide always has a reason and a note (moderateSchema requires both).
  return new Map(rows.map((row) => [row.inputId, { reason: row.reason ?? 'other', note: row.note ?? '', at: row.at }]));
}
