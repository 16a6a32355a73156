'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { DEFAULT_INFORMATION_DAYS, MAX_INFORMATION_DAYS, MODERATION_MODES, PARTICIPATION_LEVELS } from '@/lib/consultations/vocabulary';

interface ConsultationFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden field identifying what the form belongs to: the initiative (new) or the consultation (edit). */
  owner: { name: 'initiativeId' | 'consultationId'; value: string };
  /** Current values as form text (dates as YYYY-MM-DDTHH:mm in the city's time zone). */
  values?: Record<string, string>;
  timeZone: string;
}

export function ConsultationForm({ action, owner, values, timeZone }: ConsultationFormProps) {
  const t = useTranslations('consultations');
  const [state, formAction] = useActionState(action, {
    ...initialFormState,
    values: values ?? { level: 'consult', moderationMode: 'post', informationDays: String(DEFAULT_INFORMATION_DAYS) },
  });
  const isEditing = owner.name === 'consultationId';

  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name={owner.name} value={owner.value} />
      <TextField name="title" label={t('fields.title')} state={state} maxLength={200} />
      <TextAreaField name="questions" label={t('fields.questions')} hint={t('fields.questionsHint')} state={state} rows={4} />
      <TextAreaField name="scope" label={t('fields.scope')} hint={t('fields.scopeHint')} state={state} rows={4} maxLength={5000} />
      <SelectField
        name="level"
        label={t('fields.level')}
        hint={t('fields.levelHint')}
        state={state}
        options={PARTICIPATION_LEVELS.map((level) => ({ value: level, label: `${t(`level.${level}.name`)} — ${t(`level.${level}.promise`)}` }))}
      />
      <SelectField
        name="moderationMode"
        label={t('fields.moderationMode')}
        state={state}
        options={MODERATION_MODES.map((mode) => ({ value: mode, label: t(`moderationMode.${mode}`) }))}
      />
      <fieldset className="space-y-4">
        <legend className="label">{t('fields.dates', { timeZone })}</legend>
        <TextField type="datetime-local" name="informationAt" label={t('fields.informationAt')} hint={t('fields.informationAtHint')} state={state} />
        <TextField type="datetime-local" name="opensAt" label={t('fields.opensAt')} state={state} />
        <TextField type="datetime-local" name="closesAt" label={t('fields.closesAt')} state={state} />
      </fieldset>
      <TextField
        type="number"
        name="informationDays"
        label={t('fields.informationDays')}
        hint={t('fields.informationDaysHint', { days: DEFAULT_INFORMATION_DAYS })}
        state={state}
        min={0}
        max={MAX_INFORMATION_DAYS}
      />
      <TextAreaField
        name="shortInformationReason"
        label={t('fields.shortInformationReason')}
        hint={t('fields.shortInformationReasonHint', { days: DEFAULT_INFORMATION_DAYS })}
        state={state}
        rows={3}
        maxLength={1000}
        required={false}
      />
      <SubmitButton pendingLabel={t('saving')}>{isEditing ? t('save') : t('create')}</SubmitButton>
    </form>
  );
}
