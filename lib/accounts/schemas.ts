// Validation of account input. Messages are catalogue keys (accounts.errors.<key>),
// translated where they are shown.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { ROLES } from '@/lib/auth/roles';
import { plainText } from '@/lib/validation/text';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'emailRequired')
  .max(254, 'emailInvalid')
  .pipe(z.email('emailInvalid'));

export const signUpSchema = z.object({
  name: plainText({ min: 1, max: 120, tooShort: 'nameRequired', tooLong: 'nameTooLong' }),
  email: emailSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(MAX_PASSWORD_LENGTH, 'passwordTooLong'),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changeRoleSchema = z.object({
  userId: z.uuid('userNotFound'),
  role: z.enum(ROLES, 'roleInvalid'),
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
