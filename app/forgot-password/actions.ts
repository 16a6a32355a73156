'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { countAccountEmailRequest, sendAccountEmailLater } from '@/lib/accounts/account-emails';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { emailSchema } from '@/lib/accounts/schemas';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { logError } from '@/lib/log';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

/**
 * The same answer, as fast, for every address: the request is counted, then answered;
 * looking the address up, making the link and mailing it happen afterwards.
 */
export const forgotPasswordAction = formAction(z.object({ email: emailSchema }), async ({ email }, { db }) => {
  const address = clientAddressFrom(await headers());
  const limits = rateLimitStoreFor(db);
  await countAccountEmailRequest(limits, address);
  void requestPasswordReset(db, { email, address, limits })
    .then((mail) => (mail ? sendAccountEmailLater(mail) : undefined))
    .catch((error: unknown) => logError('password reset not prepared', error));
  return successState({ email });
});
