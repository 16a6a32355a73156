// What the case page's step forms send. The schema checks the shape (a step the city
// takes, a message within the limit, an officer id for `assign`); whether the step may
// be taken now, and whether the message explains enough, is the workflow's decision
// (workflow.ts refuseStep, applied by take-step.ts). Messages are `validation` keys.
import { z } from 'zod';
import { plainText } from '@/lib/validation/text';
import { GRIEVANCE_STEPS, MAX_MESSAGE_LENGTH, type GrievanceStep } from './vocabulary';
import { STEP_RULES } from './workflow';

/** The steps the city takes (everything but the complainant's own). */
export const HANDLER_STEPS: readonly GrievanceStep[] = GRIEVANCE_STEPS.filter((step) => STEP_RULES[step].by !== 'complainant');

export const isHandlerStep = (step: GrievanceStep) => HANDLER_STEPS.includes(step);

/** An empty or missing form field means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

/** The stage a step form was shown at (case-stage.ts); only compared, never trusted. */
export const shownStageSchema = optional(z.string().max(100));

export const handlerStepSchema = z
  .object({
    grievanceId: z.uuid('grievance.caseNotFound'),
    step: z.enum(GRIEVANCE_STEPS, 'grievance.stepInvalid').refine(isHandlerStep, 'grievance.stepInvalid'),
    // Forms without a message field (assign) send none.
    message: z.preprocess(
      (value) => value ?? '',
      plainText({ min: 0, max: MAX_MESSAGE_LENGTH, tooShort: 'grievance.messageRequired', tooLong: 'grievance.messageTooLong' }),
    ),
    officerId: optional(z.uuid('grievance.officerInvalid')),
    stage: shownStageSchema,
  })
  .refine((input) => input.step !== 'assign' || input.officerId !== undefined, { path: ['officerId'], message: 'grievance.officerRequired' });
export type HandlerStepInput = z.output<typeof handlerStepSchema>;
