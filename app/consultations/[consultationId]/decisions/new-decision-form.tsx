'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { createDecisionAction } from './actions';
import { DecisionFields } from './decision-fields';

/** Prepares a draft; the action opens its page, where documents are added and it is published. */
export function NewDecisionForm({ consultationId }: { consultationId: string }) {
  const t = useTranslations('decisionManage');
  const [state, dispatch] = useActionState(createDecisionAction, initialFormState);
  return (
    <form action={dispatch} className="card max-w-3xl space-y-4" aria-labelledby="new-decision-heading" noValidate>
      <h2 id="new-decision-heading" className="text-2xl font-semibold">
        {t('newTitle')}
      </h2>
      <p className="hint">{t('newIntro')}</p>
      <FormMessage state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <DecisionFields state={state} idPrefix="new-decision-" />
      <SubmitButton pendingLabel={t('saving')}>{t('create')}</SubmitButton>
    </form>
  );
}
