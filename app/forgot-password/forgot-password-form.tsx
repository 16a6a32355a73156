'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { forgotPasswordAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('forgotPassword');
  const [state, formAction] = useActionState(forgotPasswordAction, initialFormState);
  if (state.status === 'success') {
    return (
      <p role="status" className="card">
        {t('sent', { email: state.values.email ?? '' })}
      </p>
    );
  }
  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="email" type="email" label={t('email')} state={state} autoComplete="email" />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
