// Creating an input (or reply) exactly once per form. A form sent twice — a double
// click, a retry after a lost response — carries the same submission key, and must
// give the same input back instead of a second one, even when both requests run at
// the same moment. The unique index on the key decides that, not an earlier read.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { inputs } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { InputStatus } from './vocabulary';

export interface SubmittedInput {
  id: string;
  number: number;
  status: InputStatus;
  /** True when this submission key had already created the input: nothing new was stored. */
  isDuplicate: boolean;
}

type NewInput = typeof inputs.$inferInsert;

const resultColumns = { id: inputs.id, number: inputs.number, status: inputs.status };

/** Who sent the form: the staff member for assisted input, otherwise the author. */
function submitterOf(input: { authorId: string | null; recordedBy: string | null }): string | null {
  return input.recordedBy ?? input.authorId;
}

/**
 * Inserts `values` unless its submission key is taken. The key then must belong to the
 * same submitter, consultation and thread; a key seen with anyone else's input means
 * a tampered or stale form, which is refused without saying whose input it was.
 */
export async function insertInputOnce(db: Db, values: NewInput): Promise<SubmittedInput> {
  const [created] = await db.insert(inputs).values(values).onConflictDoNothing({ target: inputs.submissionKey }).returning(resultColumns);
  if (created) return { ...created, isDuplicate: false };

  const [existing] = await db
    .select({ ...resultColumns, authorId: inputs.authorId, recordedBy: inputs.recordedBy, consultationId: inputs.consultationId, parentId: inputs.parentId })
    .from(inputs)
    .where(eq(inputs.submissionKey, values.submissionKey))
    .limit(1);
  const isSameSubmission =
    existing !== undefined &&
    submitterOf(existing) === submitterOf({ authorId: values.authorId ?? null, recordedBy: values.recordedBy ?? null }) &&
    existing.consultationId === values.consultationId &&
    existing.parentId === (values.parentId ?? null);
  if (!existing || !isSameSubmission) {
    throw new AppError('bad_request', { detail: 'submission key already used', fieldErrors: { submissionKey: 'submissionKeyInvalid' } });
  }
  return { id: existing.id, number: existing.number, status: existing.status, isDuplicate: true };
}
