// What the complainant's forms send: filing a grievance, opening a case with its codes,
// and the steps a complainant takes in it (each with the stage its page showed, as the
// handler's steps: case-stage.ts). Messages are keys of the `validation` catalogue
// namespace. Attachments travel beside the typed fields (chosenAttachments).
import { z } from 'zod';
import { env } from '@/lib/env';
import { plainText } from '@/lib/validation/text';
import { isCalendarDate, todayIn } from '@/lib/validation/calendar-date';
import { isChosenFile, MAX_CONTACT_NAME_LENGTH, MAX_CONTACT_PHONE_LENGTH, MAX_OUTCOME_LENGTH, MAX_PLACE_LENGTH } from './filing-limits';
import { shownStageSchema } from './step-schemas';
import { GRIEVANCE_CATEGORIES, MAX_DESCRIPTION_LENGTH, MAX_MESSAGE_LENGTH, MIN_EXPLANATION_LENGTH } from './vocabulary';

/** A field missing from the post (a tampered form) reads as empty, so it gets the field's own message. */
const required = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? '', schema);

/** An empty (or blank) form field means "not given", stored as null. */
const optional = <T extends z.ZodType<string | null>>(schema: T) =>
  z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())
    .transform((value) => (value ? value : null));

export { todayIn } from '@/lib/validation/calendar-date';

// Read at parse time: "the future" starts tomorrow in the city, whatever the server's zone.
const eventDate = z
  .string()
  .trim()
  .refine(isCalendarDate, { message: 'grievance.eventDateInvalid', abort: true })
  .refine((value) => value <= todayIn(env().TIME_ZONE), 'grievance.eventDateInFuture');

// Digits with the usual separators; at least five digits, so "+" or "()" alone is no number.
const contactPhone = z
  .string()
  .trim()
  .max(MAX_CONTACT_PHONE_LENGTH, 'grievance.contactPhoneInvalid')
  .regex(/^[0-9\s+\-()]+$/, 'grievance.contactPhoneInvalid')
  .refine((value) => (value.match(/[0-9]/g)?.length ?? 0) >= 5, 'grievance.contactPhoneInvalid');

export const fileGrievanceSchema = z.object({
  channelId: z.uuid('grievance.channelNotFound'),
  category: z.enum(GRIEVANCE_CATEGORIES, 'grievance.categoryInvalid'),
  description: required(plainText({ min: 1, max: MAX_DESCRIPTION_LENGTH, tooShort: 'grievance.descriptionRequired', tooLong: 'grievance.descriptionTooLong' })),
  place: optional(plainText({ min: 0, max: MAX_PLACE_LENGTH, tooShort: 'grievance.placeTooLong', tooLong: 'grievance.placeTooLong' })),
  eventDate: optional(eventDate),
  outcomeSought: optional(plainText({ min: 0, max: MAX_OUTCOME_LENGTH, tooShort: 'grievance.outcomeTooLong', tooLong: 'grievance.outcomeTooLong' })),
  /** A checkbox: sent as "on" when ticked, absent otherwise. */
  isConfidential: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  contactName: optional(plainText({ min: 0, max: MAX_CONTACT_NAME_LENGTH, tooShort: 'grievance.contactNameTooLong', tooLong: 'grievance.contactNameTooLong' })),
  contactEmail: optional(z.string().trim().toLowerCase().max(254, 'grievance.contactEmailInvalid').pipe(z.email('grievance.contactEmailInvalid'))),
  contactPhone: optional(contactPhone),
  /** Generated when the form is shown; a repeated submission carries the same key. */
  submissionKey: z.uuid('submissionKeyInvalid'),
});
export type FileGrievanceInput = z.output<typeof fileGrievanceSchema>;

/** The files chosen in the form's `attachments` input, without the empty part of an input left empty. */
export function chosenAttachments(formData: FormData): File[] {
  return formData.getAll('attachments').filter(isChosenFile);
}

/**
 * Whatever was typed goes to openCaseWithKey, which answers every wrong, missing or
 * malformed combination with the same "not found" (and counts it): a separate message
 * for a malformed code would tell a guesser which of the two was wrong.
 */
const typedCode = z.preprocess((value) => (typeof value === 'string' ? value.slice(0, 100) : ''), z.string());

export const followCaseSchema = z.object({ reference: typedCode, accessKey: typedCode });
export type FollowCaseInput = z.output<typeof followCaseSchema>;

/** The case a step form is about; a tampered value finds no case, like any wrong reference. */
const caseReference = typedCode;

export const sendMessageSchema = z.object({
  reference: caseReference,
  stage: shownStageSchema,
  message: required(plainText({ min: 1, max: MAX_MESSAGE_LENGTH, tooShort: 'grievance.messageRequired', tooLong: 'grievance.messageTooLong' })),
});
export type SendMessageInput = z.output<typeof sendMessageSchema>;

/** Accepting needs no words; a note of thanks or a remark may go with it. */
export const acceptResolutionSchema = z.object({
  reference: caseReference,
  stage: shownStageSchema,
  message: required(plainText({ min: 0, max: MAX_MESSAGE_LENGTH, tooShort: 'grievance.messageTooLong', tooLong: 'grievance.messageTooLong' })),
});
export type AcceptResolutionInput = z.output<typeof acceptResolutionSchema>;

/** An appeal says why: the person deciding it, and the record, need the reason. */
export const appealSchema = z.object({
  reference: caseReference,
  stage: shownStageSchema,
  message: required(plainText({ min: MIN_EXPLANATION_LENGTH, max: MAX_MESSAGE_LENGTH, tooShort: 'grievance.explanationRequired', tooLong: 'grievance.messageTooLong' })),
});
export type AppealInput = z.output<typeof appealSchema>;
