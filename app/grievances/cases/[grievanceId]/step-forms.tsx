'use client';

// One form per step the handler may take now. A refusal (the case moved on, the appeal
// window is still open, not impartial…) comes back as the form's message, with what was
// typed kept; a step taken reloads the page with the forms of the new stage.
//
// Every city step has its slot, always in the same place; which answer a form shows, and
// why, is useAnswerAtStage's.
import { useTranslations } from 'next-intl';
import { FileField, FormMessage, SelectField, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { ATTACHMENT_ACCEPT, attachmentProblem, MAX_ATTACHMENT_MEGABYTES } from '@/lib/grievances/filing-limits';
import { MAX_ATTACHMENTS, MAX_MESSAGE_LENGTH, MIN_EXPLANATION_LENGTH, type GrievanceStep } from '@/lib/grievances/vocabulary';
import { STEP_RULES } from '@/lib/grievances/workflow';
import { useAnswerAtStage } from '../../use-answer-at-stage';
import { takeStepAction } from '../actions';

export interface OfficerOption {
  id: string;
  name: string;
  isAdministrator: boolean;
}

interface StepFormProps {
  grievanceId: string;
  step: GrievanceStep;
  /** Whether the step is offered at this stage. */
  isAvailable: boolean;
  /** Changes whenever the case moves on (status and number of events). */
  stage: string;
  officers: OfficerOption[];
  assignedOfficerId: string | null;
}

export function StepForm({ grievanceId, step, isAvailable, stage, officers, assignedOfficerId }: StepFormProps) {
  const t = useTranslations('grievanceCases');
  const [state, formAction] = useAnswerAtStage(takeStepAction, stage);
  if (!isAvailable && state.status !== 'error') return null;
  const idPrefix = `step-${step}-`;
  const headingId = `${idPrefix}heading`;
  const needsExplanation = STEP_RULES[step].needsExplanation;

  return (
    // Keyed by stage: once the case moves on, the fields start empty.
    <form key={stage} action={formAction} className="card space-y-3" noValidate aria-labelledby={headingId} data-testid={`step-form-${step}`}>
      <h3 id={headingId} className="text-lg font-semibold">
        {t(`steps.${step}.title`)}
      </h3>
      <p className="hint">{t(`steps.${step}.explanation`)}</p>
      <FormMessage state={state} />
      <input type="hidden" name="grievanceId" value={grievanceId} />
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="stage" value={stage} />
      {step === 'assign' ? (
        <SelectField
          name="officerId"
          idPrefix={idPrefix}
          label={t('steps.assign.officerLabel')}
          state={state}
          defaultValue=""
          options={[
            { value: '', label: t('steps.assign.chooseOfficer') },
            ...officers.map((officer) => ({
              value: officer.id,
              label: [officer.name, officer.isAdministrator ? t('steps.assign.administrator') : null, officer.id === assignedOfficerId ? t('steps.assign.current') : null]
                .filter(Boolean)
                .join(' · '),
            })),
          ]}
        />
      ) : (
        <TextAreaField
          name="message"
          idPrefix={idPrefix}
          label={t(`steps.${step}.messageLabel`)}
          hint={needsExplanation ? t('steps.explanationHint', { min: MIN_EXPLANATION_LENGTH, max: MAX_MESSAGE_LENGTH }) : t('steps.messageHint', { max: MAX_MESSAGE_LENGTH })}
          state={state}
          rows={step === 'message' || step === 'acknowledge' ? 4 : 6}
          maxLength={MAX_MESSAGE_LENGTH}
        />
      )}
      {step === 'message' && (
        <FileField
          name="attachments"
          idPrefix={idPrefix}
          label={t('steps.message.attachmentsLabel')}
          hint={t('steps.message.attachmentsHint', { maxFiles: MAX_ATTACHMENTS, maxMegabytes: MAX_ATTACHMENT_MEGABYTES })}
          state={state}
          accept={ATTACHMENT_ACCEPT}
          multiple
          check={(files) => attachmentProblem(files, { checkExtension: true })}
        />
      )}
      <SubmitButton pendingLabel={t('steps.working')} className={step === 'message' ? 'button-secondary' : 'button'}>
        {t(`steps.${step}.submit`)}
      </SubmitButton>
    </form>
  );
}
