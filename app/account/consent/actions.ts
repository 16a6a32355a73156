'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { consentSchema } from '@/lib/accounts/schemas';
import { recordConsent } from '@/lib/accounts/legal-documents';
import { formAction } from '@/lib/actions/form-action';
import { authorize } from '@/lib/auth/policy';
import { isSignedIn } from '@/lib/auth/actor';

export const acceptLegalDocumentsAction = formAction(
  consentSchema,
  async ({ privacyNoticeVersion, termsVersion }, { db, actor }) => {
    authorize(actor, 'account.manageOwn');
    if (!isSignedIn(actor)) return;
    await recordConsent(db, { userId: actor.id, agreed: { privacy_notice: privacyNoticeVersion, terms: termsVersion } });
    // The banner under the header goes at once, on every page.
    revalidatePath('/', 'layout');
    redirect('/account?agreed=1');
  },
);
