'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { ASSISTED_CHANNELS, INPUT_KINDS, INPUT_TEXT_MAX, INPUT_TITLE_MAX } from '@/lib/inputs/vocabulary';
import { recordAssistedInputAction } from '../input-actions';

/** Staff type in input received on paper, by phone or at a meeting. */
export function AssistedInputForm({ consultationId, submissionKey }: { consultationId: string; submissionKey: string }) {
  const t = useTranslations('inputs');
  const [state, formAction] = useActionState(recordAssistedInputAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="submissionKey" value={state.values.submissionKey ?? submissionKey} />
      <SelectField name="channel" label={t('assisted.channel')} state={state} options={ASSISTED_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))} />
      <TextField name="participantName" label={t('assisted.participantName')} hint={t('assisted.participantNameHint')} state={state} required={false} maxLength={200} />
      <TextField
        type="email"
        name="participantEmail"
        label={t('assisted.participantEmail')}
        hint={t('assisted.participantEmailHint')}
        state={state}
        required={false}
        autoComplete="off"
      />
      <SelectField name="kind" label={t('form.kind')} state={state} options={INPUT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
      <TextField name="title" label={t('form.inputTitle')} state={state} maxLength={INPUT_TITLE_MAX} />
      <TextAreaField name="body" label={t('assisted.body')} hint={t('form.bodyHint', { max: INPUT_TEXT_MAX })} state={state} rows={8} />
      <SubmitButton pendingLabel={t('form.sending')}>{t('assisted.submit')}</SubmitButton>
    </form>
  );
}
