'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { HIDE_REASONS, type ModerationAction } from '@/lib/moderation/vocabulary';
import { moderateAction } from './actions';

/** One button: publish, restore or close the reports. */
export function ModerationButton({ inputId, action }: { inputId: string; action: Exclude<ModerationAction, 'hide'> }) {
  const t = useTranslations('moderation');
  const [state, formAction] = useActionState(moderateAction, initialFormState);
  const labels = { publish: t('publish'), restore: t('restore'), dismiss_reports: t('dismiss') } as const;
  return (
    <form action={formAction} className="inline-block space-y-1">
      <FormMessage state={state} successMessage={t('done')} />
      <input type="hidden" name="inputId" value={inputId} />
      <input type="hidden" name="action" value={action} />
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        {labels[action]}
      </SubmitButton>
    </form>
  );
}

/** Hiding needs a reason from the public list and an explanation. */
export function HideForm({ inputId, number }: { inputId: string; number: number }) {
  const t = useTranslations('moderation');
  const [state, formAction] = useActionState(moderateAction, initialFormState);
  const idPrefix = `hide-${number}-`;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormMessage state={state} successMessage={t('done')} />
      <input type="hidden" name="inputId" value={inputId} />
      <input type="hidden" name="action" value="hide" />
      <SelectField
        name="reason"
        idPrefix={idPrefix}
        label={t('hideReasonLabel')}
        state={state}
        options={HIDE_REASONS.map((reason) => ({ value: reason, label: t(`hideReason.${reason}`) }))}
      />
      <TextAreaField name="note" idPrefix={idPrefix} label={t('hideNoteLabel')} state={state} rows={2} maxLength={1000} />
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        {t('hide')}
      </SubmitButton>
    </form>
  );
}
