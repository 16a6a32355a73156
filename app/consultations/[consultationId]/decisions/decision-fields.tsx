'use client';

// The fields of a decision, shared by the form that prepares a new draft and the one
// that edits it.
import { useTranslations } from 'next-intl';
import { TextAreaField, TextField } from '@/app/_components/form-fields';
import type { FormState } from '@/lib/actions/form-state';
import { DECIDING_BODY_MAX, DECISION_SUMMARY_MAX, DECISION_TEXT_MAX, DECISION_TITLE_MAX } from '@/lib/decisions/vocabulary';

export interface DecisionFieldValues {
  title: string;
  summary: string;
  body: string;
  decidingBody: string;
  decidedOn: string;
}

/** `saved`: the stored decision, shown until the form comes back with what was typed. */
export function DecisionFields({ state, saved, idPrefix }: { state: FormState; saved?: DecisionFieldValues; idPrefix: string }) {
  const t = useTranslations('decisionManage.fields');
  const shown: FormState = state.status === 'error' || !saved ? state : { ...state, values: { ...saved } };
  return (
    <>
      <TextField name="title" idPrefix={idPrefix} label={t('title')} hint={t('titleHint')} state={shown} maxLength={DECISION_TITLE_MAX} />
      <TextAreaField name="summary" idPrefix={idPrefix} label={t('summary')} hint={t('summaryHint')} state={shown} rows={3} maxLength={DECISION_SUMMARY_MAX} />
      <TextAreaField name="body" idPrefix={idPrefix} label={t('body')} hint={t('bodyHint')} state={shown} rows={12} maxLength={DECISION_TEXT_MAX} />
      <TextField name="decidingBody" idPrefix={idPrefix} label={t('decidingBody')} hint={t('decidingBodyHint')} state={shown} maxLength={DECIDING_BODY_MAX} />
      <TextField name="decidedOn" type="date" idPrefix={idPrefix} label={t('decidedOn')} hint={t('decidedOnHint')} state={shown} />
    </>
  );
}
