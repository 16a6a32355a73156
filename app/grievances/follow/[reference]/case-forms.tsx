'use client';

// The complainant's steps: a message, accepting the proposed resolution, an appeal. Each
// works without JavaScript (a server action behind a plain form); after a step the page
// is loaded afresh, so the history shows it and the form is empty again.
//
// Each form has its slot in the page whether or not its step is offered now, and sends
// the stage its page showed: a step refused because the case moved on in the meantime
// comes back on the refreshed page with why and with what was typed (useAnswerAtStage).
// A form whose step is no longer offered then shows no button, since pressing it again
// could only be refused.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileField, FormMessage, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { ATTACHMENT_ACCEPT, attachmentProblem, MAX_ATTACHMENT_MEGABYTES } from '@/lib/grievances/filing-limits';
import { MAX_ATTACHMENTS, MAX_MESSAGE_LENGTH, MIN_EXPLANATION_LENGTH } from '@/lib/grievances/vocabulary';
import { acceptResolutionAction, appealAction, forgetCaseAction, sendMessageAction } from '../../complainant-actions';
import { useAnswerAtStage } from '../../use-answer-at-stage';

interface StepFormProps {
  reference: string;
  /** Changes whenever the case moves on (status and number of events). */
  stage: string;
  /** Whether the step is offered at this stage. */
  isAvailable: boolean;
}

export function MessageForm({ reference, stage, isAvailable }: StepFormProps) {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useAnswerAtStage(sendMessageAction, stage);
  if (!isAvailable && state.status !== 'error') return null;
  return (
    // Keyed by stage: once the case moves on, the fields start empty (or with the text of a refused step).
    <form key={stage} action={formAction} className="card space-y-3" noValidate aria-labelledby="message-heading">
      <h3 id="message-heading" className="text-lg font-semibold">
        {t('messageTitle')}
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="stage" value={stage} />
      <TextAreaField name="message" idPrefix="send-" label={t('messageLabel')} hint={t('messageHint', { max: MAX_MESSAGE_LENGTH })} state={state} rows={4} maxLength={MAX_MESSAGE_LENGTH} />
      <FileField
        name="attachments"
        idPrefix="send-"
        label={t('messageAttachments')}
        hint={t('messageAttachmentsHint', { maxFiles: MAX_ATTACHMENTS, maxMegabytes: MAX_ATTACHMENT_MEGABYTES })}
        state={state}
        accept={ATTACHMENT_ACCEPT}
        multiple
        check={(files) => attachmentProblem(files, { checkExtension: true })}
      />
      {isAvailable && <SubmitButton pendingLabel={t('sending')}>{t('messageSubmit')}</SubmitButton>}
    </form>
  );
}

export function AcceptResolutionForm({ reference, stage, isAvailable }: StepFormProps) {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useAnswerAtStage(acceptResolutionAction, stage);
  if (!isAvailable && state.status !== 'error') return null;
  return (
    <form key={stage} action={formAction} className="card space-y-3" noValidate aria-labelledby="accept-heading">
      <h3 id="accept-heading" className="text-lg font-semibold">
        {t('acceptTitle')}
      </h3>
      <p>{t('acceptText')}</p>
      <FormMessage state={state} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="stage" value={stage} />
      <TextAreaField name="message" idPrefix="accept-" label={t('acceptNote')} state={state} rows={2} maxLength={MAX_MESSAGE_LENGTH} required={false} />
      {isAvailable && <SubmitButton pendingLabel={t('sending')}>{t('acceptSubmit')}</SubmitButton>}
    </form>
  );
}

/** `until` says until when an appeal can be lodged, while it can. */
export function AppealForm({ reference, stage, isAvailable, until }: StepFormProps & { until: string | null }) {
  const t = useTranslations('grievances.case');
  const [state, formAction] = useAnswerAtStage(appealAction, stage);
  if (!isAvailable && state.status !== 'error') return null;
  return (
    <form key={stage} action={formAction} className="card space-y-3" noValidate aria-labelledby="appeal-heading">
      <h3 id="appeal-heading" className="text-lg font-semibold">
        {t('appealTitle')}
      </h3>
      <p>
        {t('appealText')}
        {until && ` ${until}`}
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="stage" value={stage} />
      <TextAreaField
        name="message"
        idPrefix="appeal-"
        label={t('appealReason')}
        hint={t('appealReasonHint', { min: MIN_EXPLANATION_LENGTH })}
        state={state}
        rows={4}
        maxLength={MAX_MESSAGE_LENGTH}
      />
      {isAvailable && (
        <SubmitButton pendingLabel={t('sending')} className="button-secondary">
          {t('appealSubmit')}
        </SubmitButton>
      )}
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
