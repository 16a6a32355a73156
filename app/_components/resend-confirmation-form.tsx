'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { resendConfirmationAction } from '@/app/verify-email/actions';
import { initialFormState } from '@/lib/actions/form-state';

export function ResendConfirmationForm() {
  const t = useTranslations('verifyEmail');
  const [state, formAction] = useActionState(resendConfirmationAction, initialFormState);
  if (state.status === 'success') return <p role="status">{t('resentPlain')}</p>;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <FormMessage state={state} />
      <SubmitButton className="button-secondary py-1 text-sm" pendingLabel={t('resending')}>
        {t('resend')}
      </SubmitButton>
    </form>
  );
}
