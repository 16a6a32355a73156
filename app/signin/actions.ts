'use server';
// Signing in with e-mail and password as a plain form: it works without JavaScript, and
// with it the same action answers the form in place.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signInSchema } from '@/lib/accounts/schemas';
import { authenticate } from '@/lib/accounts/authenticate';
import { formAction } from '@/lib/actions/form-action';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { startBrowserSession } from '@/lib/auth/sign-in-session';
import { AppError, isAppError } from '@/lib/errors';
import { noteResponseStatus } from '@/lib/http/response-status';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';
import { waitValues } from '@/lib/rate-limit/wait';

const signInFormSchema = z.object({
  email: z.string().max(1000),
  password: z.string().max(1000),
  callbackUrl: z.string().max(2000).optional(),
});

export const signInAction = formAction(signInFormSchema, async (form, { db }) => {
  // Both problems read alike: which one it was would tell whether the e-mail has an account.
  const credentials = signInSchema.safeParse(form);
  if (!credentials.success) throw new AppError('bad_request', { fieldErrors: { form: 'wrongCredentials' } });
  const requestHeaders = await headers();
  let user;
  try {
    user = await authenticate(db, { ...credentials.data, address: clientAddressFrom(requestHeaders), limits: rateLimitStoreFor(db) });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'rate_limited') throw error;
    const seconds = error.retryAfterSeconds ?? 60;
    if (requestHeaders.get('next-action') === null) noteResponseStatus(429, { 'Retry-After': String(seconds) });
    return { status: 'error', message: 'signIn.tooManyAttempts', messageValues: waitValues(seconds), fieldErrors: {}, values: { email: form.email } };
  }
  if (!user) throw new AppError('bad_request', { fieldErrors: { form: 'wrongCredentials' } });
  await startBrowserSession(db, { userId: user.id, name: user.name });
  redirect(safeCallbackPath(form.callbackUrl));
});
