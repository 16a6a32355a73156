'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { confirmEmailAction } from './actions';

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations('verifyEmail');
  const [state, formAction] = useActionState(confirmEmailAction, initialFormState);
  if (state.status === 'success') {
    return (
      <div role="status" className="card space-y-3">
        <p>{state.values.outcome === 'changed' ? t('changedPlain') : t('confirmedPlain')}</p>
        <Link href="/account" className="button">
          {t('continue')}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="card space-y-4">
      <FormMessage state={state} />
      <p>{t('confirmLead')}</p>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t('confirming')}>{t('confirm')}</SubmitButton>
    </form>
  );
}
