'use server';
// The account page's forms. Each acts on the signed-in person's own account only.
import { headers } from 'next/headers';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { sendAccountEmailLater } from '@/lib/accounts/account-emails';
import { changePassword, requestEmailChange, updatePreferences, updatePublicName } from '@/lib/accounts/profile';
import { changeEmailSchema, changePasswordSchema, preferencesSchema, publicNameSchema } from '@/lib/accounts/schemas';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { currentBrowserSessionId } from '@/lib/auth/sign-in-session';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

export const updatePublicNameAction = formAction(publicNameSchema, async (input, { db, actor }) => {
  await updatePublicName(db, { actor, ...input });
  revalidatePath('/', 'layout');
  return successState({ name: input.name, pseudonym: input.pseudonym ?? '' });
});

export const changeEmailAction = formAction(changeEmailSchema, async ({ email, currentPassword }, { db, actor }) => {
  const mail = await requestEmailChange(db, { actor, email, currentPassword, address: clientAddressFrom(await headers()), limits: rateLimitStoreFor(db) });
  if (mail) void sendAccountEmailLater(mail);
  return successState({ email });
});

export const changePasswordAction = formAction(changePasswordSchema, async ({ currentPassword, newPassword }, { db, actor }) => {
  await changePassword(db, { actor, currentPassword, newPassword, currentSessionId: await currentBrowserSessionId(), address: clientAddressFrom(await headers()), limits: rateLimitStoreFor(db) });
  return successState();
});

export const updatePreferencesAction = formAction(preferencesSchema, async (input, { db, actor }) => {
  await updatePreferences(db, { actor, ...input });
  // The site speaks the chosen language from the next page on.
  (await cookies()).set(LOCALE_COOKIE, input.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60 });
  revalidatePath('/', 'layout');
  return successState(input);
});
