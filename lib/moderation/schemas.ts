// What the moderation forms send. Hiding needs a reason from the public list and an
// explanation; the author and the public log both show them.
import { z } from 'zod';
import { plainText } from '@/lib/validation/text';
import { HIDE_REASONS } from './vocabulary';

export const moderateSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('publish'), inputId: z.uuid('inputNotFound') }),
  z.object({ action: z.literal('restore'), inputId: z.uuid('inputNotFound') }),
  z.object({ action: z.literal('dismiss_reports'), inputId: z.uuid('inputNotFound') }),
  z.object({
    action: z.literal('hide'),
    inputId: z.uuid('inputNotFound'),
    reason: z.enum(HIDE_REASONS, 'hideReasonInvalid'),
    note: plainText({ min: 10, max: 1000, tooShort: 'moderationNoteRequired', tooLong: 'noteTooLong' }),
  }),
], 'moderationActionInvalid');
export type ModerateInput = z.output<typeof moderateSchema>;
