'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { MAX_CHANNEL_NAME_LENGTH, MAX_OFFLINE_INSTRUCTIONS_LENGTH } from '@/lib/grievances/channel-schemas';
import { DEFAULT_DEADLINE_DAYS, MAX_DEADLINE_DAYS, MIN_DEADLINE_DAYS, type DeadlineDays } from '@/lib/grievances/vocabulary';

interface ChannelFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** New channel: what it can be for ('' is the city as a whole). Editing: the channel's id. */
  owner: { kind: 'choose'; options: ReadonlyArray<{ value: string; label: string }>; selected?: string } | { kind: 'fixed'; channelId: string };
  /** Current values as form text when editing. */
  values?: Record<string, string>;
}

const DEADLINES = Object.keys(DEFAULT_DEADLINE_DAYS) as Array<keyof DeadlineDays>;

/** Creates or edits a grievance channel; works without JavaScript. */
export function ChannelForm({ action, owner, values }: ChannelFormProps) {
  const t = useTranslations('grievanceChannels.form');
  const defaults = Object.fromEntries(DEADLINES.map((field) => [field, String(DEFAULT_DEADLINE_DAYS[field])]));
  const [state, formAction] = useActionState(action, {
    ...initialFormState,
    values: values ?? { ...defaults, initiativeId: owner.kind === 'choose' ? (owner.selected ?? owner.options[0]?.value ?? '') : '' },
  });
  const isEditing = owner.kind === 'fixed';

  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      {owner.kind === 'fixed' ? (
        <input type="hidden" name="channelId" value={owner.channelId} />
      ) : (
        <SelectField name="initiativeId" label={t('owner')} hint={t('ownerHint')} state={state} options={owner.options} />
      )}
      <TextField name="name" label={t('name')} hint={t('nameHint')} state={state} maxLength={MAX_CHANNEL_NAME_LENGTH} />
      <TextAreaField
        name="offlineInstructions"
        label={t('offlineInstructions')}
        hint={t('offlineInstructionsHint')}
        state={state}
        rows={5}
        maxLength={MAX_OFFLINE_INSTRUCTIONS_LENGTH}
      />
      <fieldset className="space-y-4">
        <legend className="label">{t('deadlines')}</legend>
        <p className="hint">{isEditing ? t('deadlinesHintEditing') : t('deadlinesHint')}</p>
        {DEADLINES.map((field) => (
          <TextField
            key={field}
            type="number"
            name={field}
            label={t(`deadline.${field}`)}
            hint={t('deadlineHint', { days: DEFAULT_DEADLINE_DAYS[field], min: MIN_DEADLINE_DAYS, max: MAX_DEADLINE_DAYS })}
            state={state}
            min={MIN_DEADLINE_DAYS}
            max={MAX_DEADLINE_DAYS}
          />
        ))}
      </fieldset>
      <SubmitButton pendingLabel={t('saving')}>{isEditing ? t('save') : t('create')}</SubmitButton>
    </form>
  );
}
