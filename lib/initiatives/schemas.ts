import { z } from 'zod';
import { plainText } from '@/lib/validation/text';
import { INITIATIVE_STATUSES } from './status';

export const initiativeFieldsSchema = z.object({
  title: plainText({ min: 3, max: 200, tooShort: 'titleRequired', tooLong: 'titleTooLong' }),
  summary: plainText({ min: 10, max: 5000, tooShort: 'summaryRequired', tooLong: 'summaryTooLong' }),
  responsibleUnit: plainText({ min: 2, max: 200, tooShort: 'unitRequired', tooLong: 'unitTooLong' }),
  status: z.enum(INITIATIVE_STATUSES, 'statusInvalid'),
});
export type InitiativeFields = z.infer<typeof initiativeFieldsSchema>;

export const updateInitiativeSchema = initiativeFieldsSchema.extend({ initiativeId: z.uuid('initiativeNotFound') });
export type UpdateInitiativeInput = z.infer<typeof updateInitiativeSchema>;
