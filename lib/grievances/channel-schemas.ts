// What the channel forms send, checked before anything is stored. Messages are keys of
// the `validation` catalogue namespace (validation.grievance.*).
import { z } from 'zod';
import { plainText } from '@/lib/validation/text';
import { DEFAULT_DEADLINE_DAYS, MAX_DEADLINE_DAYS, MIN_DEADLINE_DAYS, type DeadlineDays } from './vocabulary';

export const MAX_CHANNEL_NAME_LENGTH = 200;
export const MAX_OFFLINE_INSTRUCTIONS_LENGTH = 3000;

/** A published deadline in whole days; a cleared field means the usual deadline, not zero. */
const deadlineDays = (usual: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number('grievance.deadlineDaysInvalid')
      .int('grievance.deadlineDaysInvalid')
      .min(MIN_DEADLINE_DAYS, 'grievance.deadlineDaysInvalid')
      .max(MAX_DEADLINE_DAYS, 'grievance.deadlineDaysInvalid')
      .default(usual),
  );

const channelFieldsObject = z.object({
  name: plainText({ min: 3, max: MAX_CHANNEL_NAME_LENGTH, tooShort: 'grievance.channelNameRequired', tooLong: 'grievance.channelNameTooLong' }),
  offlineInstructions: plainText({
    min: 10,
    max: MAX_OFFLINE_INSTRUCTIONS_LENGTH,
    tooShort: 'grievance.offlineInstructionsRequired',
    tooLong: 'grievance.offlineInstructionsTooLong',
  }),
  acknowledgeDays: deadlineDays(DEFAULT_DEADLINE_DAYS.acknowledgeDays),
  resolveDays: deadlineDays(DEFAULT_DEADLINE_DAYS.resolveDays),
  appealDays: deadlineDays(DEFAULT_DEADLINE_DAYS.appealDays),
  appealDecisionDays: deadlineDays(DEFAULT_DEADLINE_DAYS.appealDecisionDays),
});

/** Acknowledging receipt is part of answering: its deadline cannot come after the answer's. */
function acknowledgeBeforeResolve(fields: DeadlineDays, context: z.RefinementCtx): void {
  if (fields.acknowledgeDays > fields.resolveDays) {
    context.addIssue({ code: 'custom', path: ['acknowledgeDays'], message: 'grievance.acknowledgeAfterResolve' });
  }
}

export const channelFieldsSchema = channelFieldsObject.superRefine(acknowledgeBeforeResolve);
export type ChannelFields = z.output<typeof channelFieldsSchema>;

/**
 * A new channel. An empty `initiativeId` makes the city-wide channel; the initiative
 * is chosen once, so the cases filed through a channel always concern what they did.
 */
export const createChannelSchema = channelFieldsObject
  .extend({
    initiativeId: z.preprocess((value) => (value === '' ? null : value), z.uuid('initiativeNotFound').nullable().default(null)),
  })
  .superRefine(acknowledgeBeforeResolve);
export type CreateChannelInput = z.output<typeof createChannelSchema>;

export const updateChannelSchema = channelFieldsObject.extend({ channelId: z.uuid('grievance.channelNotFound') }).superRefine(acknowledgeBeforeResolve);
export type UpdateChannelInput = z.output<typeof updateChannelSchema>;
