'use client';

// Reference and access key → the case. Every wrong, missing or malformed combination
// gets the same answer, so the form says nothing about which of the two was wrong.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { followCaseAction } from '../complainant-actions';

export function FollowForm({ reference = '', accessKey = '' }: { reference?: string; accessKey?: string }) {
  const t = useTranslations('grievances.follow');
  const [state, formAction] = useActionState(followCaseAction, { ...initialFormState, values: { reference, accessKey } });
  return (
    <form action={formAction} className="card max-w-xl space-y-4" noValidate aria-label={t('title')}>
      <FormMessage state={state} />
      <TextField name="reference" label={t('reference')} hint={t('referenceHint')} state={state} autoComplete="off" maxLength={100} />
      <TextField name="accessKey" label={t('accessKey')} hint={t('accessKeyHint')} state={state} autoComplete="off" maxLength={100} />
      <SubmitButton pendingLabel={t('opening')}>{t('submit')}</SubmitButton>
    </form>
  );
}
