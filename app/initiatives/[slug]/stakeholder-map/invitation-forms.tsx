'use client';
// Staff choose which verified organizations edit the map with them. Plain forms posting
// server actions: they work without JavaScript.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { inviteOrganizationAction, withdrawInvitationAction } from './actions';

interface InitiativeRef {
  id: string;
  slug: string;
}

export function InviteOrganizationForm({ initiative, candidates }: { initiative: InitiativeRef; candidates: Array<{ id: string; name: string }> }) {
  const t = useTranslations('stakeholderMap.invitations');
  const [state, formAction] = useActionState(inviteOrganizationAction, initialFormState);
  if (candidates.length === 0) return <p>{t('noneToInvite')}</p>;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="initiativeId" value={initiative.id} />
      <input type="hidden" name="slug" value={initiative.slug} />
      <div className="min-w-64 flex-1">
        <SelectField
          name="organizationId"
          label={t('organization')}
          state={state.status === 'success' ? initialFormState : state}
          options={[{ value: '', label: t('choose') }, ...candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))]}
        />
      </div>
      <SubmitButton pendingLabel={t('invite')} className="button">
        {t('invite')}
      </SubmitButton>
      <FormMessage state={state} successMessage={t('invitedSaved')} />
    </form>
  );
}

export function WithdrawInvitationForm({ initiative, organization }: { initiative: InitiativeRef; organization: { id: string; name: string } }) {
  const t = useTranslations('stakeholderMap.invitations');
  const [state, formAction] = useActionState(withdrawInvitationAction, initialFormState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="initiativeId" value={initiative.id} />
      <input type="hidden" name="slug" value={initiative.slug} />
      <input type="hidden" name="organizationId" value={organization.id} />
      <SubmitButton pendingLabel={t('withdraw')} className="text-sm text-red-800 underline">
        <span aria-hidden="true">{t('withdraw')}</span>
        <span className="sr-only">{t('withdrawLabel', { name: organization.name })}</span>
      </SubmitButton>
      <FormMessage state={state} successMessage={t('withdrawn')} />
    </form>
  );
}
