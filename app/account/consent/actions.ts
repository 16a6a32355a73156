'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordConsent } from '@/lib/accounts/legal-documents';
import { formAction } from '@/lib/actions/form-action';
import { authorize } from '@/lib/auth/policy';
import { isSignedIn } from '@/lib/auth/actor';

const shownVersion = z.coerce.number().int().min(0).max(1_000_000);

export const acceptLegalDocumentsAction = formAction(
  z.object({ acceptTerms: z.literal('on', 'termsNotAccepted'), privacyNoticeVersion: shownVersion, termsVersion: shownVersion }),
  async ({ privacyNoticeVersion, termsVersion }, { db, actor }) => {
    authorize(actor, 'account.manageOwn');
    if (!isSignedIn(actor)) return;
    await recordConsent(db, { userId: actor.id, agreed: { privacy_notice: privacyNoticeVersion, terms: termsVersion } });
    redirect('/account?agreed=1');
  },
);
