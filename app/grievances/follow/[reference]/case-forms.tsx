'use client';

// The complainant's steps: a message, accepting the proposed resolution, an appeal. Each
// works without JavaScript (a server action behind a plain form); after a step the page
// is loaded afresh, so the history shows it and the form is empty again.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { MAX_MESSAGE_LENGTH, MIN_EXPLANATION_LENGTH } from '@/lib/grievances/vocabulary';
import { acceptResolutionAction, appealAction, forgetCaseAction, sendMessageAction } from '../../complainant-actions';

export function MessageForm({ reference }: { reference: string }) {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useActionState(sendMessageAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-3" noValidate aria-labelledby="message-heading">
      <h3 id="message-heading" className="text-lg font-semibold">
        {t('messageTitle')}
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="reference" value={reference} />
      <TextAreaField name="message" idPrefix="send-" label={t('messageLabel')} hint={t('messageHint', { max: MAX_MESSAGE_LENGTH })} state={state} rows={4} maxLength={MAX_MESSAGE_LENGTH} />
      <SubmitButton pendingLabel={t('sending')}>{t('messageSubmit')}</SubmitButton>
    </form>
  );
}

export function AcceptResolutionForm({ reference }: { reference: string }) {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useActionState(acceptResolutionAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-3" noValidate aria-labelledby="accept-heading">
      <h3 id="accept-heading" className="text-lg font-semibold">
        {t('acceptTitle')}
      </h3>
      <p>{t('acceptText')}</p>
      <FormMessage state={state} />
      <input type="hidden" name="reference" value={reference} />
      <TextAreaField name="message" idPrefix="accept-" label={t('acceptNote')} state={state} rows={2} maxLength={MAX_MESSAGE_LENGTH} required={false} />
      <SubmitButton pendingLabel={t('sending')}>{t('acceptSubmit')}</SubmitButton>
    </form>
  );
}

export function AppealForm({ reference, until }: { reference: string; until: string }) {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useActionState(appealAction, initialFormState);
  return (
    <form action={formAction} className="card space-y-3" noValidate aria-labelledby="appeal-heading">
      <h3 id="appeal-heading" className="text-lg font-semibold">
        {t('appealTitle')}
      </h3>
      <p>
        {t('appealText')} {until}
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="reference" value={reference} />
      <TextAreaField
        name="message"
        idPrefix="appeal-"
        label={t('appealReason')}
        hint={t('appealReasonHint', { min: MIN_EXPLANATION_LENGTH })}
        state={state}
        rows={4}
        maxLength={MAX_MESSAGE_LENGTH}
      />
      <SubmitButton pendingLabel={t('sending')} className="button-secondary">
        {t('appealSubmit')}
      </SubmitButton>
    </form>
  );
}

export function ForgetCaseForm() {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useActionState(forgetCaseAction, initialFormState);
  return (
    <form action={formAction} className="space-y-1">
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('forgetting')} className="button-secondary">
        {t('forget')}
      </SubmitButton>
      <p className="hint">{t('forgetHint')}</p>
    </form>
  );
}
