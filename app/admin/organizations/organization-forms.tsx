'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { SCALES, SECTORS, STAKEHOLDER_CATEGORIES } from '@/lib/stakeholders/vocabulary';
import { addMemberAction, createOrganizationAction, removeMemberAction, setVerifiedAction } from './actions';

export function CreateOrganizationForm() {
  const t = useTranslations('admin.organizations');
  const tOrganizations = useTranslations('organizations');
  const tStakeholders = useTranslations('stakeholders');
  const [state, formAction] = useActionState(createOrganizationAction, initialFormState);
  return (
    <form action={formAction} className="card grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        <FormMessage state={state} successMessage={t('created')} />
      </div>
      <TextField name="name" label={t('name')} state={state} maxLength={200} idPrefix="new-organization-" />
      <SelectField
        name="category"
        label={tOrganizations('category')}
        state={state}
        idPrefix="new-organization-"
        defaultValue="ngo"
        options={STAKEHOLDER_CATEGORIES.map((value) => ({ value, label: tStakeholders(`category.${value}`) }))}
      />
      <SelectField
        name="scale"
        label={tOrganizations('scale')}
        state={state}
        idPrefix="new-organization-"
        defaultValue="local"
        options={SCALES.map((value) => ({ value, label: tStakeholders(`scale.${value}`) }))}
      />
      <SelectField
        name="sector"
        label={tOrganizations('sector')}
        state={state}
        idPrefix="new-organization-"
        defaultValue="civil_society"
        options={SECTORS.map((value) => ({ value, label: tStakeholders(`sector.${value}`) }))}
      />
      <div className="md:col-span-2">
        <SubmitButton pendingLabel={t('create')}>{t('create')}</SubmitButton>
      </div>
    </form>
  );
}

export function VerifyForm({ organization }: { organization: { id: string; name: string; isVerified: boolean } }) {
  const t = useTranslations('admin.organizations');
  const [state, formAction] = useActionState(setVerifiedAction, initialFormState);
  const label = organization.isVerified ? t('unverify') : t('verify');
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="organizationId" value={organization.id} />
      <input type="hidden" name="isVerified" value={organization.isVerified ? 'false' : 'true'} />
      <SubmitButton pendingLabel={label} className={organization.isVerified ? 'button-secondary py-1' : 'button py-1'}>
        <span aria-hidden="true">{label}</span>
        <span className="sr-only">
          {organization.isVerified ? t('unverifyNamed', { name: organization.name }) : t('verifyNamed', { name: organization.name })}
        </span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function AddMemberForm({ organization }: { organization: { id: string; name: string } }) {
  const t = useTranslations('admin.organizations');
  const [state, formAction] = useActionState(addMemberAction, initialFormState);
  return (
    <form action={formAction} className="space-y-2" noValidate aria-label={t('addMemberTo', { name: organization.name })}>
      <input type="hidden" name="organizationId" value={organization.id} />
      <FormMessage state={state} successMessage={t('memberAdded')} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <TextField
            name="email"
            type="email"
            label={t('memberEmail')}
            state={state.status === 'success' ? initialFormState : state}
            idPrefix={`member-${organization.id}-`}
          />
        </div>
        <SubmitButton pendingLabel={t('addMember')} className="button-secondary">
          {t('addMember')}
        </SubmitButton>
      </div>
    </form>
  );
}

export function RemoveMemberForm({ organization, member }: { organization: { id: string; name: string }; member: { userId: string; name: string } }) {
  const t = useTranslations('admin.organizations');
  const [state, formAction] = useActionState(removeMemberAction, initialFormState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="organizationId" value={organization.id} />
      <input type="hidden" name="userId" value={member.userId} />
      <SubmitButton pendingLabel={t('removeMember')} className="text-sm text-red-800 underline">
        <span aria-hidden="true">{t('removeMember')}</span>
        <span className="sr-only">{t('removeMemberNamed', { member: member.name, organization: organization.name })}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
