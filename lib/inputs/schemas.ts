// What the input, reply, support, report and assisted-input forms send. Messages are
// keys of the `validation` catalogue namespace.
import { z } from 'zod';
import { displayNameField } from '@/lib/accounts/display-name';
import { plainText } from '@/lib/validation/text';
import { REPORT_REASONS } from '@/lib/moderation/vocabulary';
import { ASSISTED_CHANNELS, INPUT_KINDS, INPUT_TEXT_MAX, INPUT_TITLE_MAX, REPLY_TEXT_MAX } from './vocabulary';

/** An empty form field means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** A point on the plan, as a fraction of its width or height. */
const pinCoordinate = optional(z.coerce.number('pinInvalid').min(0, 'pinInvalid').max(1, 'pinInvalid'));

const inputFields = {
  consultationId: z.uuid('consultationNotFound'),
  kind: z.enum(INPUT_KINDS, 'inputKindInvalid'),
  title: plainText({ min: 3, max: INPUT_TITLE_MAX, tooShort: 'titleRequired', tooLong: 'titleTooLong' }),
  body: plainText({ min: 10, max: INPUT_TEXT_MAX, tooShort: 'inputTextRequired', tooLong: 'inputTextTooLong' }),
  /** Generated when the form is shown; a repeated submission carries the same key. */
  submissionKey: z.uuid('submissionKeyInvalid'),
};

export const submitInputSchema = z
  .object({
    ...inputFields,
    organizationId: optional(z.uuid('organizationNotFound')),
    pinX: pinCoordinate,
    pinY: pinCoordinate,
  })
  .refine((input) => (input.pinX === undefined) === (input.pinY === undefined), { path: ['pinX'], message: 'pinInvalid' });
export type SubmitInputInput = z.output<typeof submitInputSchema>;

export const assistedInputSchema = z.object({
  ...inputFields,
  channel: z.enum(ASSISTED_CHANNELS, 'channelInvalid'),
  /** Shown as the author, so cleaned like an account's display name. */
  participantName: optional(displayNameField({ min: 2, max: 200 })),
  /** Links the input to the person's account, if they have one, so they can follow it. */
  participantEmail: optional(z.string().trim().toLowerCase().pipe(z.email('emailInvalid'))),
});
export type AssistedInputInput = z.output<typeof assistedInputSchema>;

export const replySchema = z.object({
  parentId: z.uuid('inputNotFound'),
  body: plainText({ min: 2, max: REPLY_TEXT_MAX, tooShort: 'replyTextRequired', tooLong: 'replyTextTooLong' }),
  submissionKey: z.uuid('submissionKeyInvalid'),
});
export type ReplyInput = z.output<typeof replySchema>;

export const supportSchema = z.object({ inputId: z.uuid('inputNotFound') });
export type SupportInput = z.output<typeof supportSchema>;

export const reportSchema = z.object({
  inputId: z.uuid('inputNotFound'),
  reason: z.enum(REPORT_REASONS, 'reportReasonInvalid'),
  note: optional(plainText({ min: 0, max: 1000, tooShort: 'noteTooLong', tooLong: 'noteTooLong' })),
});
export type ReportInput = z.output<typeof reportSchema>;
