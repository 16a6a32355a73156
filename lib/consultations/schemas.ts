// What the consultation forms send, checked before anything is stored. Messages are
// keys of the `validation` catalogue namespace.
import { z } from 'zod';
import { env } from '@/lib/env';
import { plainText } from '@/lib/validation/text';
import { wallTimeToInstant } from '@/lib/validation/wall-time';
import { needsShortPeriodReason } from './lifecycle';
import { CONSULTATION_STATUSES, DEFAULT_INFORMATION_DAYS, MAX_INFORMATION_DAYS, MODERATION_MODES, PARTICIPATION_LEVELS } from './vocabulary';

export const MAX_QUESTIONS = 10;
const QUESTION_MAX = 500;

/** One question per line; blank lines are ignored. */
const questionsField = z
  .string()
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  )
  .pipe(
    z
      .array(plainText({ min: 5, max: QUESTION_MAX, tooShort: 'questionTooShort', tooLong: 'questionTooLong' }))
      .min(1, 'questionsRequired')
      .max(MAX_QUESTIONS, 'questionsTooMany'),
  );

/** A datetime-local value, read in the city's time zone. */
const wallTime = (required: string) =>
  z
    .string()
    .transform((value, context) => {
      const instant = wallTimeToInstant(value.trim(), env().TIME_ZONE);
      if (!instant) {
        context.addIssue({ code: 'custom', message: required });
        return z.NEVER;
      }
      return instant;
    });

export const consultationFieldsSchema = z
  .object({
    title: plainText({ min: 3, max: 200, tooShort: 'titleRequired', tooLong: 'titleTooLong' }),
    questions: questionsField,
    scope: plainText({ min: 10, max: 5000, tooShort: 'scopeRequired', tooLong: 'scopeTooLong' }),
    level: z.enum(PARTICIPATION_LEVELS, 'levelInvalid'),
    moderationMode: z.enum(MODERATION_MODES, 'moderationModeInvalid'),
    informationAt: wallTime('informationDateInvalid'),
    opensAt: wallTime('openingDateInvalid'),
    closesAt: wallTime('closingDateInvalid'),
    // A cleared field means the usual period, not zero days.
    informationDays: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.coerce
        .number('informationDaysInvalid')
        .int('informationDaysInvalid')
        .min(0, 'informationDaysInvalid')
        .max(MAX_INFORMATION_DAYS, 'informationDaysInvalid')
        .default(DEFAULT_INFORMATION_DAYS),
    ),
    shortInformationReason: z
      .string()
      .trim()
      .max(1000, 'shortPeriodReasonTooLong')
      .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'textInvalid')
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((fields, context) => {
    if (fields.opensAt < fields.informationAt) context.addIssue({ code: 'custom', path: ['opensAt'], message: 'opensBeforeInformation' });
    if (fields.closesAt <= fields.opensAt) context.addIssue({ code: 'custom', path: ['closesAt'], message: 'closesBeforeOpening' });
    const reason = fields.shortInformationReason ?? '';
    if (needsShortPeriodReason(fields.informationDays) && reason.length < 20) {
      context.addIssue({ code: 'custom', path: ['shortInformationReason'], message: 'shortPeriodReasonRequired' });
    }
  })
  .transform((fields) => ({
    ...fields,
    // A reason only means something for a short period; a full period needs none.
    shortInformationReason: needsShortPeriodReason(fields.informationDays) ? fields.shortInformationReason : null,
  }));
export type ConsultationFields = z.output<typeof consultationFieldsSchema>;

export const createConsultationSchema = z.object({ initiativeId: z.uuid('initiativeNotFound') }).and(consultationFieldsSchema);
export type CreateConsultationInput = z.output<typeof createConsultationSchema>;

export const updateConsultationSchema = z.object({ consultationId: z.uuid('consultationNotFound') }).and(consultationFieldsSchema);
export type UpdateConsultationInput = z.output<typeof updateConsultationSchema>;

export const changeStatusSchema = z.object({
  consultationId: z.uuid('consultationNotFound'),
  to: z.enum(CONSULTATION_STATUSES, 'statusInvalid'),
});
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;
