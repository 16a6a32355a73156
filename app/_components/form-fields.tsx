'use client';

// Accessible form building blocks shared by every form: each field has a label, its
// hint and error are tied to it with aria-describedby, and what was typed comes back
// after an error (form state `values`).
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { FormState } from '@/lib/actions/form-state';

interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  /** Prefix for ids when the same form appears several times on a page. */
  idPrefix?: string;
}

function useFieldIds({ name, idPrefix = '' }: Pick<FieldProps, 'name' | 'idPrefix'>) {
  const id = `${idPrefix}${name}`;
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

function FieldMessages({ hint, hintId, error, errorId }: { hint?: string; hintId: string; error?: string; errorId: string }) {
  const t = useTranslations('validation');
  return (
    <>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {t(error)}
        </p>
      )}
    </>
  );
}

function describedBy(hint: string | undefined, error: string | undefined, ids: { hintId: string; errorId: string }) {
  const parts = [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export function TextField({
  type = 'text',
  autoComplete,
  required = true,
  maxLength,
  min,
  max,
  ...props
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local' | 'number';
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  min?: number;
  /** A number, or for a date the latest allowed (YYYY-MM-DD). */
  max?: number | string;
}) {
  const ids = useFieldIds(props);
  const error = props.state.fieldErrors[props.name];
  return (
    <div className="space-y-1">
      <label htmlFor={ids.id} className="label">
        {props.label}
      </label>
      <input
        id={ids.id}
        name={props.name}
        type={type}
        className="input"
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        min={min}
        max={max}
        defaultValue={type === 'password' ? undefined : props.state.values[props.name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.hint, error, ids)}
      />
      <FieldMessages hint={props.hint} error={error} {...ids} />
    </div>
  );
}

export function TextAreaField({ rows = 5, maxLength, required = true, ...props }: FieldProps & { rows?: number; maxLength?: number; required?: boolean }) {
  const ids = useFieldIds(props);
  const error = props.state.fieldErrors[props.name];
  return (
    <div className="space-y-1">
      <label htmlFor={ids.id} className="label">
        {props.label}
      </label>
      <textarea
        id={ids.id}
        name={props.name}
        rows={rows}
        className="input"
        required={required}
        maxLength={maxLength}
        defaultValue={props.state.values[props.name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.hint, error, ids)}
      />
      <FieldMessages hint={props.hint} error={error} {...ids} />
    </div>
  );
}

/**
 * A file input. Files cannot come back after an error (a browser never lets a page
 * choose files), so the hint should say to choose them again. `check` looks at the files
 * when chosen, as a courtesy (the server checks them again); choosing files also hides
 * the server's verdict on the ones sent before.
 */
export function FileField({
  accept,
  multiple = false,
  check,
  ...props
}: FieldProps & { accept?: string; multiple?: boolean; check?: (files: File[]) => string | null }) {
  const ids = useFieldIds(props);
  // The files chosen since the form's last answer, and their problem; a new answer replaces both.
  const [choice, setChoice] = useState<{ answer: FormState; problem: string | null } | null>(null);
  const error = (choice?.answer === props.state ? choice.problem : props.state.fieldErrors[props.name]) ?? undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={ids.id} className="label">
        {props.label}
      </label>
      <input
        id={ids.id}
        name={props.name}
        type="file"
        className="input"
        accept={accept}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.hint, error, ids)}
        onChange={(event) => setChoice({ answer: props.state, problem: check ? check([...(event.currentTarget.files ?? [])]) : null })}
      />
      <FieldMessages hint={props.hint} error={error} {...ids} />
    </div>
  );
}

export function SelectField({
  options,
  defaultValue,
  ...props
}: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; defaultValue?: string }) {
  const ids = useFieldIds(props);
  const error = props.state.fieldErrors[props.name];
  const chosen = props.state.values[props.name] ?? defaultValue;
  return (
    <div className="space-y-1">
      <label htmlFor={ids.id} className="label">
        {props.label}
      </label>
      <select
        // React applies a select's defaultValue only when it mounts, and resets a form
        // after its action has run: without a new select for the value sent, a choice
        // would silently go back to the first option when the form comes back with an
        // error, while the text fields beside it keep what was typed.
        key={chosen ?? ''}
        id={ids.id}
        name={props.name}
        className="input"
        defaultValue={chosen}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.hint, error, ids)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages hint={props.hint} error={error} {...ids} />
    </div>
  );
}

/** One checkbox with its label (which may hold links) beside it; ticked again after an error if it was. */
export function CheckboxField({ label, defaultChecked, ...props }: Omit<FieldProps, 'label'> & { label: ReactNode; defaultChecked?: boolean }) {
  const ids = useFieldIds(props);
  const error = props.state.fieldErrors[props.name];
  const wasTicked = props.state.values[props.name] === 'on';
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={ids.id}
          name={props.name}
          type="checkbox"
          className="mt-1 h-4 w-4"
          defaultChecked={wasTicked || defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(props.hint, error, ids)}
        />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      <FieldMessages hint={props.hint} error={error} {...ids} />
    </div>
  );
}

/** The form-wide outcome: an alert for errors, a polite status for success. */
export function FormMessage({ state, successMessage }: { state: FormState; successMessage?: string }) {
  const t = useTranslations();
  if (state.status === 'error' && state.message) {
    // A problem with the form as a whole (not one field) says what it is, not just "refused".
    const formProblem = state.fieldErrors.form;
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
        {formProblem ? t(`validation.${formProblem}`, state.messageValues) : t(state.message, state.messageValues)}
      </p>
    );
  }
  if (state.status === 'success' && successMessage) {
    return (
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
        {successMessage}
      </p>
    );
  }
  return null;
}

export function SubmitButton({ children, pendingLabel, className = 'button' }: { children: ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
