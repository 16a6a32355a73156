'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { markAllReadAction } from './actions';

export function MarkAllReadForm() {
  const t = useTranslations('notifications');
  const [state, formAction] = useActionState(markAllReadAction, initialFormState);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        {t('markAllRead')}
      </SubmitButton>
    </form>
  );
}
