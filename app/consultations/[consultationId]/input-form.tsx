'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { INPUT_KINDS, INPUT_TEXT_MAX, INPUT_TITLE_MAX } from '@/lib/inputs/vocabulary';
import { submitInputAction } from './input-actions';

interface InputFormProps {
  consultationId: string;
  /** New for every page render: a second press of the button sends the same key. */
  submissionKey: string;
  organizations: ReadonlyArray<{ id: string; name: string }>;
  plan: { url: string; title: string } | null;
}

export function InputForm({ consultationId, submissionKey, organizations, plan }: InputFormProps) {
  const t = useTranslations('inputs');
  const [state, formAction] = useActionState(submitInputAction, initialFormState);

  return (
    <form action={formAction} className="card space-y-4" noValidate aria-labelledby="input-form-heading">
      <h3 id="input-form-heading" className="text-xl font-semibold">
        {t('form.title')}
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="submissionKey" value={state.values.submissionKey ?? submissionKey} />
      <SelectField name="kind" label={t('form.kind')} state={state} options={INPUT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
      <TextField name="title" label={t('form.inputTitle')} state={state} maxLength={INPUT_TITLE_MAX} />
      <TextAreaField name="body" label={t('form.body')} hint={t('form.bodyHint', { max: INPUT_TEXT_MAX })} state={state} rows={8} />
      {organizations.length > 0 && (
        <SelectField
          name="organizationId"
          label={t('form.onBehalfOf')}
          hint={t('form.onBehalfOfHint')}
          state={state}
          defaultValue=""
          options={[{ value: '', label: t('form.inMyOwnName') }, ...organizations.map((organization) => ({ value: organization.id, label: organization.name }))]}
        />
      )}
      {plan && <PlanPoint plan={plan} initial={state.values} error={state.fieldErrors.pinX} />}
      <SubmitButton pendingLabel={t('form.sending')}>{t('form.submit')}</SubmitButton>
    </form>
  );
}

/**
 * Optional point on the plan image. Choosing it needs a pointer or the arrow keys;
 * without JavaScript the image is shown and the input is sent without a point.
 */
function PlanPoint({ plan, initial, error }: { plan: { url: string; title: string }; initial: Record<string, string>; error?: string }) {
  const t = useTranslations('inputs.plan');
  const tv = useTranslations('validation');
  const parse = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));
  const [point, setPoint] = useState<{ x: number; y: number } | null>(() => {
    const x = parse(initial.pinX);
    const y = parse(initial.pinY);
    return x !== null && y !== null ? { x, y } : null;
  });
  const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
  const move = (dx: number, dy: number) => setPoint((current) => ({ x: clamp((current?.x ?? 0.5) + dx), y: clamp((current?.y ?? 0.5) + dy) }));

  return (
    <fieldset className="space-y-2">
      <legend className="label">{t('legend')}</legend>
      <p className="hint" id="plan-point-hint">
        {t('hint')}
      </p>
      <input type="hidden" name="pinX" value={point ? String(point.x) : ''} />
      <input type="hidden" name="pinY" value={point ? String(point.y) : ''} />
      <div
        role="button"
        tabIndex={0}
        aria-describedby="plan-point-hint"
        aria-label={point ? t('chosen', { x: Math.round(point.x * 100), y: Math.round(point.y * 100) }) : t('none')}
        className="relative inline-block max-w-full cursor-crosshair focus:outline-2 focus:outline-brand-600"
        onClick={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setPoint({ x: clamp((event.clientX - box.left) / box.width), y: clamp((event.clientY - box.top) / box.height) });
        }}
        onKeyDown={(event) => {
          const step = event.shiftKey ? 0.1 : 0.02;
          const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
          const delta = moves[event.key];
          if (delta) {
            event.preventDefault();
            move(...delta);
          }
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload, served by our own route */}
        <img src={plan.url} alt={plan.title} className="block max-w-full" />
        {point && (
          <span
            aria-hidden="true"
            className="absolute h-4 w-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-red-600 shadow"
            style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }}
          />
        )}
      </div>
      {point && (
        <button type="button" className="button-secondary" onClick={() => setPoint(null)}>
          {t('remove')}
        </button>
      )}
      {error && <p className="field-error">{tv(error)}</p>}
    </fieldset>
  );
}
