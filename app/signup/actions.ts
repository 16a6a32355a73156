'use server';

import { getLocale } from 'next-intl/server';
import { registerUser } from '@/lib/accounts/register-user';
import { signUpSchema } from '@/lib/accounts/schemas';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';

export const signUpAction = formAction(signUpSchema, async (input, { db }) => {
  const user = await registerUser(db, { ...input, locale: await getLocale() });
  return successState({ email: user.email });
});
