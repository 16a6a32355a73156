// Validation of account input. Messages are catalogue keys (accounts.errors.<key>),
// translated where they are shown.
import { z } from 'zod';
import { findPasswordProblem, MAX_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { ROLES } from '@/lib/auth/roles';
import { displayNameSchema } from './display-name';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'emailRequired')
  .max(254, 'emailInvalid')
  .pipe(z.email('emailInvalid'));

/**
 * A new password on its own: length and the list of common passwords. A missing field
 * reads as empty, so it is "too short" like a blank one.
 */
const newPasswordSchema = z.preprocess(
  (value) => value ?? '',
  z.string().superRefine((password, context) => {
    const problem = findPasswordProblem({ password });
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
);

export const signUpSchema = z
  .object({
    name: displayNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
  })
  // Once each field is valid: a password that is the e-mail or the name is refused too.
  .superRefine((input, context) => {
    const problem = findPasswordProblem(input);
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Only bounds the hashing work: the limit counts characters, and one character may
  // take two UTF-16 units (or several code points before normalization).
  password: z.string().min(1).max(4 * MAX_PASSWORD_LENGTH),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changeRoleSchema = z.object({
  userId: z.uuid('userNotFound'),
  role: z.enum(ROLES, 'roleInvalid'),
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
