'use client';

// The small forms under each input: support, report, reply. Each works without
// JavaScript (a server action behind a plain form) and says what happened.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { REPORT_REASONS } from '@/lib/moderation/vocabulary';
import { REPLY_TEXT_MAX } from '@/lib/inputs/vocabulary';
import { replyAction, reportAction, supportAction, withdrawSupportAction } from './input-actions';

export function SupportForm({ inputId, supportedByMe, supportCount }: { inputId: string; supportedByMe: boolean; supportCount: number }) {
  const t = useTranslations('inputs.support');
  const [state, formAction] = useActionState(supportedByMe ? withdrawSupportAction : supportAction, initialFormState);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="inputId" value={inputId} />
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        {supportedByMe ? t('withdraw') : t('support')}
      </SubmitButton>
      <span>{t('count', { count: supportCount })}</span>
      <FormMessage state={state} />
    </form>
  );
}

export function ReportForm({ inputId, number }: { inputId: string; number: number }) {
  const t = useTranslations('inputs.report');
  const [state, formAction] = useActionState(reportAction, initialFormState);
  const idPrefix = `report-${number}-`;
  if (state.status === 'success') {
    return <p role="status">{t('thanks')}</p>;
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">{t('open', { number })}</summary>
      <form action={formAction} className="mt-2 space-y-2" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="inputId" value={inputId} />
        <SelectField
          name="reason"
          idPrefix={idPrefix}
          label={t('reason')}
          state={state}
          options={REPORT_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
        />
        <TextAreaField name="note" idPrefix={idPrefix} label={t('note')} state={state} rows={2} maxLength={1000} required={false} />
        <SubmitButton pendingLabel={t('sending')} className="button-secondary">
          {t('send')}
        </SubmitButton>
      </form>
    </details>
  );
}

export function ReplyForm({ parentId, number, submissionKey }: { parentId: string; number: number; submissionKey: string }) {
  const t = useTranslations('inputs.reply');
  const [state, formAction] = useActionState(replyAction, initialFormState);
  const idPrefix = `reply-${number}-`;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormMessage state={state} successMessage={t('sent')} />
      <input type="hidden" name="parentId" value={parentId} />
      <input type="hidden" name="submissionKey" value={state.status === 'error' ? (state.values.submissionKey ?? submissionKey) : submissionKey} />
      <TextAreaField
        key={state.status === 'success' ? submissionKey : 'typing'}
        name="body"
        idPrefix={idPrefix}
        label={t('label', { number })}
        hint={t('hint', { max: REPLY_TEXT_MAX })}
        state={state.status === 'success' ? initialFormState : state}
        rows={3}
      />
      <SubmitButton pendingLabel={t('sending')} className="button-secondary">
        {t('send')}
      </SubmitButton>
    </form>
  );
}
