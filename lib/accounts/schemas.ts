// Validation of account input. Messages are catalogue keys (accounts.errors.<key>),
// translated where they are shown.
import { z } from 'zod';
import { findPasswordProblem, MAX_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { ROLES } from '@/lib/auth/roles';
import { LOCALES } from '@/lib/i18n/config';
import { EMAIL_DELIVERIES } from './vocabulary';
import { displayNameField, displayNameSchema } from './display-name';

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

const accountFields = {
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
};

// Once each field is valid: a password that is the e-mail or the name is refused too.
function refusePasswordLikeDetails(input: { name: string; email: string; password: string }, context: z.RefinementCtx): void {
  const problem = findPasswordProblem(input);
  if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const signUpSchema = z.object(accountFields).superRefine(refusePasswordLikeDetails);
export type SignUpInput = z.infer<typeof signUpSchema>;

/** A pseudonym: optional, checked as a name is; blank means "show my name". */
export const pseudonymSchema = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), displayNameField({ max: 60 }).optional());

/** A version number a form showed, sent back in a hidden field. */
const shownVersion = z.coerce.number().int().min(0).max(1_000_000);

/** Agreement to the versions of the privacy notice and terms a form showed (sign-up, and again after a change). */
export const consentFields = {
  acceptTerms: z.literal('on', 'termsNotAccepted'),
  privacyNoticeVersion: shownVersion,
  termsVersion: shownVersion,
};
export const consentSchema = z.object(consentFields);

/** The sign-up form: the account, how its holder is shown, and agreement to the versions of the texts the form linked to. */
export const signUpFormSchema = z
  .object({
    ...accountFields,
    pseudonym: pseudonymSchema,
    ...consentFields,
  })
  .superRefine(refusePasswordLikeDetails);
export type SignUpFormInput = z.infer<typeof signUpFormSchema>;

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

/** The profile's "how you are shown" form. */
export const publicNameSchema = z.object({
  name: displayNameSchema,
  pseudonym: pseudonymSchema,
});
export type PublicNameInput = z.infer<typeof publicNameSchema>;

/** A new e-mail address; the current password proves it is the holder asking (absent for accounts without one). */
export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z.string().max(4 * MAX_PASSWORD_LENGTH).optional(),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().max(4 * MAX_PASSWORD_LENGTH),
  newPassword: z.preprocess((value) => value ?? '', z.string().max(4 * MAX_PASSWORD_LENGTH)),
});

export const preferencesSchema = z.object({
  locale: z.enum(LOCALES, 'localeInvalid'),
  emailDelivery: z.enum(EMAIL_DELIVERIES, 'emailDeliveryInvalid'),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
