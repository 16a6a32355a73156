'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import type { LegalDocumentKind } from '@/lib/accounts/vocabulary';
import { publishLegalDocumentAction } from './actions';

export function LegalDocumentForm({ kind, body }: { kind: LegalDocumentKind; body: string }) {
  const t = useTranslations('admin.legal');
  const [state, formAction] = useActionState(publishLegalDocumentAction, { ...initialFormState, values: { body } });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} successMessage={t('published', { version: state.values.version ?? '' })} />
      <input type="hidden" name="kind" value={kind} />
      <TextAreaField idPrefix={`${kind}-`} name="body" label={t('body')} hint={t('bodyHint')} state={state} rows={16} maxLength={50_000} />
      <TextField idPrefix={`${kind}-`} name="changeSummary" label={t('changeSummary')} hint={t('changeSummaryHint')} state={state} maxLength={500} required={false} />
      <SubmitButton pendingLabel={t('publishing')}>{t('publish')}</SubmitButton>
    </form>
  );
}
