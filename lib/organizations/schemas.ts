import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import { plainText } from '@/lib/validation/text';
import { SCALES, SECTORS, STAKEHOLDER_CATEGORIES } from '@/lib/stakeholders/vocabulary';

export const createOrganizationSchema = z.object({
  name: plainText({ min: 2, max: 200, tooShort: 'nameRequired', tooLong: 'nameTooLong' }),
  category: z.enum(STAKEHOLDER_CATEGORIES, 'categoryInvalid'),
  scale: z.enum(SCALES, 'scaleInvalid'),
  sector: z.enum(SECTORS, 'sectorInvalid'),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const organizationIdSchema = z.object({ organizationId: z.uuid('organizationNotFound') });

export const addMemberSchema = z.object({
  organizationId: z.uuid('organizationNotFound'),
  email: emailSchema,
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const removeMemberSchema = z.object({
  organizationId: z.uuid('organizationNotFound'),
  userId: z.uuid('userNotFound'),
});
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;
