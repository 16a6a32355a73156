'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteOwnAccount } from '@/lib/accounts/delete-account';
import { formAction } from '@/lib/actions/form-action';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { clearBrowserSessionCookies } from '@/lib/auth/sign-in-session';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';

const deleteSchema = z.object({
  understood: z.literal('on', 'deletionNotConfirmed'),
  currentPassword: z.string().max(1000).optional(),
});

export const deleteOwnAccountAction = formAction(deleteSchema, async ({ currentPassword }, { db, actor }) => {
  await deleteOwnAccount(db, { actor, currentPassword, address: clientAddressFrom(await headers()), limits: rateLimitStoreFor(db) });
  await clearBrowserSessionCookies();
  redirect('/account/deleted');
});
