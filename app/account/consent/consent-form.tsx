'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxField, FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { acceptLegalDocumentsAction } from './actions';

export function ConsentForm({ versions }: { versions: { privacyNotice: number; terms: number } }) {
  const t = useTranslations('consent');
  const tSignUp = useTranslations('signUp');
  const [state, formAction] = useActionState(acceptLegalDocumentsAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="privacyNoticeVersion" value={versions.privacyNotice} />
      <input type="hidden" name="termsVersion" value={versions.terms} />
      <CheckboxField
        name="acceptTerms"
        state={state}
        label={tSignUp.rich('acceptTerms', {
          terms: (chunks) => <Link href="/terms">{chunks}</Link>,
          privacy: (chunks) => <Link href="/privacy">{chunks}</Link>,
        })}
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
