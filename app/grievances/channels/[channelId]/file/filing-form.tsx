'use client';

// The filing form. It works without JavaScript (a multipart post to a server action);
// with it, the files are checked before they travel (count, size, name) and stay chosen
// when the server sends the form back with a problem. The server checks everything again.
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormMessage, SelectField, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import {
  ATTACHMENT_ACCEPT,
  attachmentProblem,
  MAX_ATTACHMENT_MEGABYTES,
  MAX_CONTACT_NAME_LENGTH,
  MAX_CONTACT_PHONE_LENGTH,
  MAX_OUTCOME_LENGTH,
  MAX_PLACE_LENGTH,
} from '@/lib/grievances/filing-limits';
import { GRIEVANCE_CATEGORIES, MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH } from '@/lib/grievances/vocabulary';
import { fileGrievanceAction } from '../../../complainant-actions';

interface FilingFormProps {
  channelId: string;
  /** New for every page render: a second press of the button sends the same key. */
  submissionKey: string;
  /** YYYY-MM-DD on the city's calendar: the latest date of the event. */
  today: string;
  isSignedIn: boolean;
}

function Messages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  const tValidation = useTranslations('validation');
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {tValidation(error)}
        </p>
      )}
    </>
  );
}

const describedBy = (id: string, hasHint: boolean, error: string | undefined) => [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

export function FilingForm({ channelId, submissionKey, today, isSignedIn }: FilingFormProps) {
  const t = useTranslations('grievances');
  const tValidation = useTranslations('validation');
  const [state, dispatch, isPending] = useActionState(fileGrievanceAction, initialFormState);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [chosenCount, setChosenCount] = useState(0);
  // The server's verdict on the files is about the ones sent; choosing others clears it.
  const [haveFilesChanged, setHaveFilesChanged] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  function onFilesChosen(files: FileList | null) {
    const chosen = files ? [...files] : [];
    setChosenCount(chosen.length);
    setHaveFilesChanged(true);
    setFileProblem(attachmentProblem(chosen, { checkExtension: true }));
  }

  // Submitting by hand keeps the chosen files after an error (React resets a form after
  // its action runs), so nobody has to find them again to fix a typo.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (fileProblem) {
      fileInput.current?.focus();
      return;
    }
    const formData = new FormData(event.currentTarget);
    setHaveFilesChanged(false);
    startTransition(() => dispatch(formData));
  }

  const attachmentsError = fileProblem ?? (haveFilesChanged ? undefined : state.fieldErrors.attachments);
  const channelError = state.fieldErrors.channelId;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="card space-y-5" noValidate aria-labelledby="filing-form-heading">
      <h2 id="filing-form-heading" className="sr-only">
        {t('filing.title')}
      </h2>
      <FormMessage state={state} />
      {channelError && (
        <p role="alert" className="field-error">
          {tValidation(channelError)}
        </p>
      )}
      <input type="hidden" name="channelId" value={channelId} />
      <input type="hidden" name="submissionKey" value={state.values.submissionKey ?? submissionKey} />

      <SelectField
        name="category"
        label={t('filing.category')}
        state={state}
        defaultValue=""
        options={[{ value: '', label: t('filing.categoryChoose') }, ...GRIEVANCE_CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))]}
      />
      <TextAreaField name="description" label={t('filing.description')} hint={t('filing.descriptionHint', { max: MAX_DESCRIPTION_LENGTH })} state={state} rows={8} />
      <TextField name="place" label={t('filing.place')} hint={t('filing.placeHint')} state={state} required={false} maxLength={MAX_PLACE_LENGTH} />
      <TextField type="date" name="eventDate" label={t('filing.eventDate')} hint={t('filing.eventDateHint')} state={state} max={today} required={false} />
      <TextAreaField
        name="outcomeSought"
        label={t('filing.outcomeSought')}
        hint={t('filing.outcomeSoughtHint', { max: MAX_OUTCOME_LENGTH })}
        state={state}
        rows={3}
        required={false}
      />

      <div className="space-y-1">
        <label htmlFor="attachments" className="label">
          {t('filing.attachments')}
        </label>
        <input
          ref={fileInput}
          id="attachments"
          name="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          className="input"
          aria-invalid={attachmentsError ? true : undefined}
          aria-describedby={describedBy('attachments', true, attachmentsError)}
          onChange={(event) => onFilesChosen(event.currentTarget.files)}
        />
        <Messages
          id="attachments"
          hint={
            <>
              {t('filing.attachmentsHint', { maxFiles: MAX_ATTACHMENTS, maxMegabytes: MAX_ATTACHMENT_MEGABYTES })} {t('filing.attachmentsAgain')}
              {chosenCount > 0 && <> {t('filing.attachmentsChosen', { count: chosenCount })}</>}
            </>
          }
          error={attachmentsError}
        />
      </div>

      <fieldset className="space-y-2">
        <legend className="label">{t('filing.confidentialLegend')}</legend>
        <div className="flex items-start gap-2">
          <input
            id="isConfidential"
            name="isConfidential"
            type="checkbox"
            className="mt-1 size-4"
            defaultChecked={state.values.isConfidential === 'on'}
            aria-describedby="isConfidential-hint"
          />
          <label htmlFor="isConfidential" className="font-medium">
            {t('filing.isConfidential')}
          </label>
        </div>
        <Messages id="isConfidential" hint={t('filing.isConfidentialHint')} />
      </fieldset>

      <fieldset className="space-y-3" aria-describedby="contact-hint contact-visibility">
        <legend className="label">{t('filing.contactLegend')}</legend>
        <p id="contact-hint" className="hint">
          {isSignedIn ? t('filing.contactHintSignedIn') : t('filing.contactHintAnonymous')}
        </p>
        <p id="contact-visibility" className="hint">
          {t('filing.contactVisibility')}
        </p>
        <TextField name="contactName" label={t('filing.contactName')} state={state} required={false} maxLength={MAX_CONTACT_NAME_LENGTH} autoComplete="name" />
        <TextField name="contactEmail" type="email" label={t('filing.contactEmail')} state={state} required={false} autoComplete="email" />
        <TextField name="contactPhone" label={t('filing.contactPhone')} state={state} required={false} maxLength={MAX_CONTACT_PHONE_LENGTH} autoComplete="tel" />
      </fieldset>

      <button type="submit" className="button" disabled={isPending} aria-disabled={isPending}>
        {isPending ? t('filing.sending') : t('filing.submit')}
      </button>
    </form>
  );
}
