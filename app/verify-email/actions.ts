'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { sendAccountEmailLater } from '@/lib/accounts/account-emails';
import { confirmEmail, resendEmailConfirmation } from '@/lib/accounts/email-verification';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { AppError } from '@/lib/errors';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

/** Confirms the address a link was sent to. A button, not the link itself, does it: mail scanners open links. */
export const confirmEmailAction = formAction(z.object({ token: z.string().max(200) }), async ({ token }, { db }) => {
  const outcome = await confirmEmail(db, { token });
  if (outcome.status === 'invalid') throw new AppError('bad_request', { fieldErrors: { form: 'confirmationLinkInvalid' } });
  if (outcome.status === 'taken') throw new AppError('conflict', { fieldErrors: { form: 'confirmationAddressTaken' } });
  // The "confirm your address" banner goes at once.
  revalidatePath('/', 'layout');
  return successState({ outcome: outcome.addressChanged ? 'changed' : 'confirmed' });
});

/** "Send the link again", for the signed-in person whose address is not confirmed yet. */
export const resendConfirmationAction = formAction(z.object({}), async (_input, { db, actor }) => {
  const mail = await resendEmailConfirmation(db, { actor, address: clientAddressFrom(await headers()), limits: rateLimitStoreFor(db) });
  if (mail) void sendAccountEmailLater(mail);
  return successState();
});
