// What the decision, response and theme forms send. Messages are catalogue keys under
// `validation.` (lib/i18n/messages/en/core.json).
import { z } from 'zod';
import { env } from '@/lib/env';
import { isCalendarDate, todayIn } from '@/lib/validation/calendar-date';
import { plainText } from '@/lib/validation/text';
import {
  DECIDING_BODY_MAX,
  DECISION_SUMMARY_MAX,
  DECISION_TEXT_MAX,
  DECISION_TITLE_MAX,
  EXPLANATION_MAX,
  EXPLANATION_MIN,
  RESPONSE_OUTCOMES,
  THEME_TITLE_MAX,
  UNANSWERED_REASON_MAX,
  UNANSWERED_REASON_MIN,
} from './vocabulary';

/** Ticked checkboxes sharing a name: none, one (a string) or several (a list). */
function idList(message: string, max: number) {
  return z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid(message)).max(max, message));
}

export const decisionFieldsSchema = z.object({
  title: plainText({ min: 3, max: DECISION_TITLE_MAX, tooShort: 'decision.titleRequired', tooLong: 'decision.titleTooLong' }),
  summary: plainText({ min: 10, max: DECISION_SUMMARY_MAX, tooShort: 'decision.summaryRequired', tooLong: 'decision.summaryTooLong' }),
  body: plainText({ min: 20, max: DECISION_TEXT_MAX, tooShort: 'decision.bodyRequired', tooLong: 'decision.bodyTooLong' }),
  decidingBody: plainText({ min: 2, max: DECIDING_BODY_MAX, tooShort: 'decision.decidingBodyRequired', tooLong: 'decision.decidingBodyTooLong' }),
  // Read at parse time: "after today" is on the city's calendar, whatever the server's zone.
  decidedOn: z
    .string('decision.decidedOnInvalid')
    .trim()
    .refine(isCalendarDate, { message: 'decision.decidedOnInvalid', abort: true })
    .refine((value) => value <= todayIn(env().TIME_ZONE), 'decision.decidedOnInFuture'),
});
export type DecisionFields = z.output<typeof decisionFieldsSchema>;

export const createDecisionSchema = decisionFieldsSchema.extend({ consultationId: z.uuid('consultationNotFound') });
export type CreateDecisionInput = z.output<typeof createDecisionSchema>;

export const updateDecisionSchema = decisionFieldsSchema.extend({ decisionId: z.uuid('decision.notFound') });
export type UpdateDecisionInput = z.output<typeof updateDecisionSchema>;

/** The reason is only required when inputs are unanswered; the domain function decides. */
export const publishDecisionSchema = z.object({
  decisionId: z.uuid('decision.notFound'),
  unansweredReason: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    plainText({ min: UNANSWERED_REASON_MIN, max: UNANSWERED_REASON_MAX, tooShort: 'decision.unansweredReasonTooShort', tooLong: 'decision.unansweredReasonTooLong' }).optional(),
  ),
});
export type PublishDecisionInput = z.output<typeof publishDecisionSchema>;

export const uploadDecisionDocumentSchema = z.object({
  decisionId: z.uuid('decision.notFound'),
  title: plainText({ min: 3, max: 200, tooShort: 'titleRequired', tooLong: 'titleTooLong' }),
});
export type UploadDecisionDocumentInput = z.output<typeof uploadDecisionDocumentSchema>;

const responseFields = {
  outcome: z.enum(RESPONSE_OUTCOMES, 'response.outcomeRequired'),
  explanation: plainText({ min: EXPLANATION_MIN, max: EXPLANATION_MAX, tooShort: 'response.explanationTooShort', tooLong: 'response.explanationTooLong' }),
  decisionIds: idList('decision.notFound', 50),
};

/** An answer to one input or to one theme: exactly one of the two ids. */
export const respondSchema = z
  .object({
    inputId: z.uuid('inputNotFound').optional(),
    themeId: z.uuid('theme.notFound').optional(),
    /** The revision the person saw when they opened the form; 0 when there was no response yet. */
    expectedRevision: z.coerce.number('response.changedMeanwhile').int('response.changedMeanwhile').min(0, 'response.changedMeanwhile').optional(),
    ...responseFields,
  })
  .refine((value) => (value.inputId === undefined) !== (value.themeId === undefined), { message: 'response.subjectMissing', path: ['form'] });
export type RespondInput = z.output<typeof respondSchema>;

export const createThemeSchema = z.object({
  consultationId: z.uuid('consultationNotFound'),
  title: plainText({ min: 3, max: THEME_TITLE_MAX, tooShort: 'theme.titleRequired', tooLong: 'theme.titleTooLong' }),
  inputIds: idList('inputNotFound', 500).pipe(z.array(z.string()).min(1, 'theme.inputsRequired')),
});
export type CreateThemeInput = z.output<typeof createThemeSchema>;

export const themeMembershipSchema = z.object({
  themeId: z.uuid('theme.notFound'),
  inputId: z.uuid('inputNotFound'),
});
export type ThemeMembershipInput = z.output<typeof themeMembershipSchema>;
