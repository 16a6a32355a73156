'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { deleteAccountAction } from './actions';

/** Erases an account at its holder's request; a ticked box guards against a slip. */
export function DeleteAccountForm({ user }: { user: { id: string; name: string } }) {
  const t = useTranslations('admin.users');
  const tValidation = useTranslations('validation');
  const [state, formAction] = useActionState(deleteAccountAction, initialFormState);
  const boxId = `delete-${user.id}`;
  const problem = state.fieldErrors.confirmed;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={user.id} />
      <div className="flex items-center gap-2">
        <input
          id={boxId}
          name="confirmed"
          type="checkbox"
          className="h-4 w-4"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${boxId}-error` : undefined}
        />
        <label htmlFor={boxId} className="text-sm">
          {t('confirmDelete', { name: user.name })}
        </label>
      </div>
      <SubmitButton pendingLabel={t('deleting')} className="button-secondary py-1 text-sm">
        {t('delete')}
      </SubmitButton>
      {problem ? (
        <p id={`${boxId}-error`} role="alert" className="field-error">
          {tValidation(problem)}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
