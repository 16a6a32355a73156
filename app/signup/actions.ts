'use server';

import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { signUpSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/sign-up';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

export const signUpAction = formAction(signUpSchema, async (input, { db }) => {
  const address = clientAddressFrom(await headers());
  const user = await signUp(db, { ...input, locale: await getLocale(), address, limits: rateLimitStoreFor(db) });
  return successState({ email: user.email });
});
