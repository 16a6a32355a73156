'use client';

// Staff upload a background document, and remove one while the consultation is a draft.
// The server checks everything again; the size check here only spares people waiting
// for 20 MB to travel before hearing that it is too much.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { useUploadForm } from '@/app/_components/use-upload-form';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { ACCEPT_ATTRIBUTE, MAX_DOCUMENT_BYTES } from '@/lib/documents/file-check';
import { removeDocumentAction, uploadDocumentAction } from './document-actions';

interface ChoiceFieldProps {
  name: string;
  label: string;
  hint: string;
  /** Catalogue key in `validation`. */
  error?: string;
}

function FieldHintAndError({ id, hint, error }: { id: string; hint: string; error?: string }) {
  const tValidation = useTranslations('validation');
  return (
    <>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {tValidation(error)}
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, error: string | undefined) => (error ? `${id}-hint ${id}-error` : `${id}-hint`);

function FileField({ name, label, hint, error, onChange }: ChoiceFieldProps & { onChange: (file: File | undefined) => void }) {
  const id = `document-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        required
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(event) => onChange(event.currentTarget.files?.[0])}
      />
      <FieldHintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

function CheckboxField({ name, label, hint, error, defaultChecked }: ChoiceFieldProps & { defaultChecked: boolean }) {
  const id = `document-${name}`;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          className="size-4"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error)}
        />
        <label htmlFor={id} className="label">
          {label}
        </label>
      </div>
      <FieldHintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export interface DocumentUploadFormProps {
  consultationId: string;
  /** False once the consultation is open: a new plan would misplace the pins given on the old one. */
  canChangePlan?: boolean;
}

export function DocumentUploadForm({ consultationId, canChangePlan = true }: DocumentUploadFormProps) {
  const t = useTranslations('documents');
  const tValidation = useTranslations('validation');
  const { state, dispatch, isPending, isTooLarge, setIsTooLarge, formRef, onSubmit } = useUploadForm(uploadDocumentAction);

  const fileError = isTooLarge ? 'fileTooLarge' : state.fieldErrors.file;
  const consultationError = state.fieldErrors.consultationId;

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="card space-y-4" noValidate aria-label={t('uploadTitle')}>
      <FormMessage state={state} successMessage={t('uploaded')} />
      {consultationError && (
        <p role="alert" className="field-error">
          {tValidation(consultationError)}
        </p>
      )}
      <input type="hidden" name="consultationId" value={consultationId} />
      <TextField name="title" label={t('fields.title')} hint={t('fields.titleHint')} state={state} maxLength={200} idPrefix="document-" />
      <FileField
        name="file"
        label={t('fields.file')}
        hint={t('fields.fileHint', { maxMegabytes: MAX_DOCUMENT_BYTES / (1024 * 1024) })}
        error={fileError}
        onChange={(file) => setIsTooLarge(file !== undefined && file.size > MAX_DOCUMENT_BYTES)}
      />
      {canChangePlan && (
        <CheckboxField
          name="isPlan"
          label={t('fields.isPlan')}
          hint={t('fields.isPlanHint')}
          error={state.fieldErrors.isPlan}
          defaultChecked={state.values.isPlan === 'on'}
        />
      )}
      <button type="submit" className="button" disabled={isPending} aria-disabled={isPending}>
        {isPending ? t('uploading') : t('upload')}
      </button>
    </form>
  );
}

export function RemoveDocumentForm({ document }: { document: { id: string; title: string } }) {
  const t = useTranslations('documents');
  const [state, formAction] = useActionState(removeDocumentAction, initialFormState);
  // The generic "conflict" text does not say why; this one does.
  const shownState: FormState = state.message === 'errors.conflict' ? { ...state, message: 'documents.removeRefused' } : state;
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="documentId" value={document.id} />
      <SubmitButton pendingLabel={t('removing')} className="text-sm text-red-800 underline">
        <span aria-hidden="true">{t('remove')}</span>
        <span className="sr-only">{t('removeNamed', { title: document.title })}</span>
      </SubmitButton>
      <FormMessage state={shownState} />
    </form>
  );
}
