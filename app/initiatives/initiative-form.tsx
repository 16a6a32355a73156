'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '@/lib/initiatives/status';

interface InitiativeFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Present when editing. */
  initiative?: { id: string; title: string; summary: string; responsibleUnit: string; status: InitiativeStatus };
}

export function InitiativeForm({ action, initiative }: InitiativeFormProps) {
  const t = useTranslations('initiatives');
  const startState: FormState = initiative
    ? { ...initialFormState, values: { title: initiative.title, summary: initiative.summary, responsibleUnit: initiative.responsibleUnit, status: initiative.status } }
    : { ...initialFormState, values: { status: 'draft' } };
  const [state, formAction] = useActionState(action, startState);

  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      {initiative && <input type="hidden" name="initiativeId" value={initiative.id} />}
      <TextField name="title" label={t('fields.title')} state={state} maxLength={200} />
      <TextAreaField name="summary" label={t('fields.summary')} hint={t('fields.summaryHint')} state={state} maxLength={5000} rows={6} />
      <TextField name="responsibleUnit" label={t('fields.responsibleUnit')} state={state} maxLength={200} />
      <SelectField
        name="status"
        label={t('fields.status')}
        state={state}
        options={INITIATIVE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <SubmitButton pendingLabel={initiative ? t('save') : t('create')}>{initiative ? t('save') : t('create')}</SubmitButton>
    </form>
  );
}
