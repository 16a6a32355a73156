'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { canSendAccountEmails, sendAccountEmailLater } from '@/lib/accounts/account-emails';
import { signUpFormSchema } from '@/lib/accounts/schemas';
import { signUp } from '@/lib/accounts/sign-up';
import { formAction } from '@/lib/actions/form-action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { startBrowserSession } from '@/lib/auth/sign-in-session';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

/** Creates the account, signs this browser in and goes home, where any step still to do is shown. */
export const signUpAction = formAction(signUpFormSchema, async (input, { db }) => {
  const address = clientAddressFrom(await headers());
  const { user, confirmation } = await signUp(db, {
    ...input,
    pseudonym: input.pseudonym ?? null,
    agreed: { privacy_notice: input.privacyNoticeVersion, terms: input.termsVersion },
    locale: await getLocale(),
    address,
    sendConfirmation: canSendAccountEmails(),
    limits: rateLimitStoreFor(db),
  });
  if (confirmation) void sendAccountEmailLater(confirmation);
  await startBrowserSession(db, { userId: user.id, name: user.name });
  redirect('/');
});
