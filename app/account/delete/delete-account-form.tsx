'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxField, FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { deleteOwnAccountAction } from './actions';

export function DeleteAccountForm({ askPassword }: { askPassword: boolean }) {
  const t = useTranslations('accountDeletion');
  const [state, formAction] = useActionState(deleteOwnAccountAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <CheckboxField name="understood" label={t('understood')} state={state} />
      {askPassword && <TextField name="currentPassword" type="password" label={t('currentPassword')} state={state} autoComplete="current-password" />}
      <SubmitButton className="button bg-red-700 hover:bg-red-800" pendingLabel={t('deleting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
