'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ token, minPasswordLength }: { token: string; minPasswordLength: number }) {
  const t = useTranslations('resetPassword');
  const [state, formAction] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      {state.fieldErrors.form === 'resetLinkExpired' && <Link href="/forgot-password">{t('askAgain')}</Link>}
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint', { min: minPasswordLength })}
        state={state}
        autoComplete="new-password"
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
