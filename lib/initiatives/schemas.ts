import { z } from 'zod';
import { INITIATIVE_STATUSES } from './status';

export const initiativeFieldsSchema = z.object({
  title: z.string().trim().min(3, 'titleRequired').max(200, 'titleTooLong'),
  summary: z.string().trim().min(10, 'summaryRequired').max(5000, 'summaryTooLong'),
  responsibleUnit: z.string().trim().min(2, 'unitRequired').max(200, 'unitTooLong'),
  status: z.enum(INITIATIVE_STATUSES, 'statusInvalid'),
});
export type InitiativeFields = z.infer<typeof initiativeFieldsSchema>;

export const updateInitiativeSchema = initiativeFieldsSchema.extend({ initiativeId: z.uuid('initiativeNotFound') });
export type UpdateInitiativeInput = z.infer<typeof updateInitiativeSchema>;
