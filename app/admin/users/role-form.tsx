'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { ROLES, type Role } from '@/lib/auth/roles';
import { changeRoleAction } from './actions';

export function RoleForm({ user }: { user: { id: string; name: string; role: Role } }) {
  const t = useTranslations('admin.users');
  const tRoles = useTranslations('roles');
  const [state, formAction] = useActionState(changeRoleAction, initialFormState);
  const selectId = `role-${user.id}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <label htmlFor={selectId} className="sr-only">
        {t('newRoleFor', { name: user.name })}
      </label>
      <select id={selectId} name="role" defaultValue={user.role} className="input w-auto py-1">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {tRoles(role)}
          </option>
        ))}
      </select>
      <SubmitButton pendingLabel={t('save')} className="button-secondary py-1">
        {t('save')}
      </SubmitButton>
      <FormMessage state={state} successMessage={t('roleChanged')} />
    </form>
  );
}
