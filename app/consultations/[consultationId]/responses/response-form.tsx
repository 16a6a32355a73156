'use client';

// The city's answer to one input or one theme: what became of it, why, and the
// decisions it is tied to. Opened on the current answer, it saves a new version; the
// revision it was opened on travels along, so an answer someone else changed meanwhile
// is not overwritten blindly.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { EXPLANATION_MAX, isResponseOutcome, RESPONSE_OUTCOMES, type ResponseOutcome } from '@/lib/decisions/vocabulary';
import { respondAction } from './actions';

export interface DecisionOption {
  id: string;
  title: string;
  isPublished: boolean;
}

export interface CurrentResponse {
  outcome: ResponseOutcome;
  explanation: string;
  decisionIds: string[];
  revision: number;
}

export interface ResponseFormProps {
  consultationId: string;
  subject: { inputId: string } | { themeId: string };
  /** Unique on the page: the ids of the form's fields start with it. */
  idPrefix: string;
  /** Names the form for assistive technology, e.g. "Response to input #3". */
  label: string;
  current: CurrentResponse | null;
  decisions: readonly DecisionOption[];
  /** Where the decisions are prepared, for when there is none to link yet. */
  decisionsHref: string;
  /** The page and anchor a form sent before JavaScript has loaded comes back to. */
  permalink: string;
}

interface FieldDefaults {
  outcome: ResponseOutcome | null;
  explanation: string;
  decisionIds: string[];
}

function defaultsFrom(state: FormState, current: CurrentResponse | null): FieldDefaults {
  // After a refusal the form shows what was sent, not the stored answer.
  if (state.status === 'error') {
    const outcome = state.values.outcome;
    return {
      outcome: isResponseOutcome(outcome) ? outcome : null,
      explanation: state.values.explanation ?? '',
      decisionIds: (state.values.decisionIds ?? '').split(' ').filter(Boolean),
    };
  }
  return { outcome: current?.outcome ?? null, explanation: current?.explanation ?? '', decisionIds: current?.decisionIds ?? [] };
}

function OutcomeField({ idPrefix, chosen, error }: { idPrefix: string; chosen: ResponseOutcome | null; error?: string }) {
  const t = useTranslations('responses.form');
  const td = useTranslations('decisions');
  const tValidation = useTranslations('validation');
  const errorId = `${idPrefix}outcome-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="label">{t('outcome')}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {tValidation(error)}
        </p>
      )}
      {RESPONSE_OUTCOMES.map((outcome) => {
        const id = `${idPrefix}outcome-${outcome}`;
        return (
          <div key={outcome} className="flex items-start gap-2">
            <input
              id={id}
              type="radio"
              name="outcome"
              value={outcome}
              className="mt-1 size-4 shrink-0"
              required
              defaultChecked={chosen === outcome}
              aria-describedby={`${id}-hint`}
            />
            <div>
              <label htmlFor={id} className="font-medium">
                {td(`outcome.${outcome}`)}
              </label>
              <p id={`${id}-hint`} className="hint">
                {td(`outcomeHint.${outcome}`)}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function DecisionsField({
  idPrefix,
  decisions,
  ticked,
  decisionsHref,
  error,
}: {
  idPrefix: string;
  decisions: readonly DecisionOption[];
  ticked: readonly string[];
  decisionsHref: string;
  error?: string;
}) {
  const t = useTranslations('responses.form');
  const tValidation = useTranslations('validation');
  const hintId = `${idPrefix}decisions-hint`;
  const errorId = `${idPrefix}decisions-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="label">{t('decisions')}</legend>
      <p id={hintId} className="hint">
        {decisions.length === 0 ? t.rich('noDecisions', { link: (chunks) => <a href={decisionsHref}>{chunks}</a> }) : t('decisionsHint')}
      </p>
      {decisions.map((decision) => {
        const id = `${idPrefix}decision-${decision.id}`;
        return (
          <div key={decision.id} className="flex items-center gap-2">
            <input id={id} type="checkbox" name="decisionIds" value={decision.id} className="size-4 shrink-0" defaultChecked={ticked.includes(decision.id)} />
            <label htmlFor={id}>{t('decisionOption', { title: decision.title, status: decision.isPublished ? 'published' : 'draft' })}</label>
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="field-error">
          {tValidation(error)}
        </p>
      )}
    </fieldset>
  );
}

export function ResponseForm({ consultationId, subject, idPrefix, label, current, decisions, decisionsHref, permalink }: ResponseFormProps) {
  const t = useTranslations('responses.form');
  const tValidation = useTranslations('validation');
  const [state, dispatch] = useActionState(respondAction, initialFormState, permalink);
  const revision = current?.revision ?? 0;
  const defaults = defaultsFrom(state, current);
  const subjectError = state.fieldErrors.inputId ?? state.fieldErrors.themeId ?? state.fieldErrors.consultationId;

  return (
    <form action={dispatch} className="space-y-4" aria-label={label} noValidate>
      <FormMessage state={state} successMessage={state.message === 'unchanged' ? t('unchanged') : t('recorded')} />
      {subjectError && (
        <p role="alert" className="field-error">
          {tValidation(subjectError)}
        </p>
      )}
      <input type="hidden" name="consultationId" value={consultationId} />
      {'inputId' in subject ? <input type="hidden" name="inputId" value={subject.inputId} /> : <input type="hidden" name="themeId" value={subject.themeId} />}
      <input type="hidden" name="expectedRevision" value={revision} />
      {/* A new version arrived (this person's or someone else's): the fields start again from it. */}
      <div key={revision} className="space-y-4">
        <OutcomeField idPrefix={idPrefix} chosen={defaults.outcome} error={state.fieldErrors.outcome} />
        <TextAreaField
          name="explanation"
          idPrefix={idPrefix}
          label={t('explanation')}
          hint={t('explanationHint')}
          state={{ ...state, values: { explanation: defaults.explanation } }}
          rows={4}
          maxLength={EXPLANATION_MAX}
        />
        <DecisionsField idPrefix={idPrefix} decisions={decisions} ticked={defaults.decisionIds} decisionsHref={decisionsHref} error={state.fieldErrors.decisionIds} />
      </div>
      <SubmitButton pendingLabel={t('saving')}>{current ? t('saveVersion') : t('record')}</SubmitButton>
    </form>
  );
}
