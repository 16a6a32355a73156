'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { sendAccountEmailLater } from '@/lib/accounts/account-emails';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { emailSchema } from '@/lib/accounts/schemas';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

/** The same answer for every address; the mail, if any, leaves after the answer. */
export const forgotPasswordAction = formAction(z.object({ email: emailSchema }), async ({ email }, { db }) => {
  const mail = await requestPasswordReset(db, { email, address: clientAddressFrom(await headers()), limits: rateLimitStoreFor(db) });
  if (mail) void sendAccountEmailLater(mail);
  return successState({ email });
});
