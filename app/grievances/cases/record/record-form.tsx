'use client';

// A grievance received on paper, by phone, in person or by e-mail, typed in by an
// officer. Once recorded, the reference and access key are shown (once) to hand to the
// complainant; the form is replaced by them so it cannot be sent again by mistake.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FileField, FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_MEGABYTES, MAX_CONTACT_NAME_LENGTH, MAX_CONTACT_PHONE_LENGTH, MAX_OUTCOME_LENGTH, MAX_PLACE_LENGTH } from '@/lib/grievances/filing-limits';
import { GRIEVANCE_CATEGORIES, MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH, OFFLINE_RECEIPT_CHANNELS } from '@/lib/grievances/vocabulary';
import { recordOfflineAction } from '../actions';

interface RecordFormProps {
  channels: ReadonlyArray<{ id: string; name: string }>;
  /** New for every page render: a second press of the button sends the same key. */
  submissionKey: string;
  /** The current time in the city, "YYYY-MM-DDTHH:mm", as the default date received. */
  now: string;
}

export function RecordGrievanceForm({ channels, submissionKey, now }: RecordFormProps) {
  const t = useTranslations('grievanceCases.record');
  const tg = useTranslations('grievances');
  const [state, formAction] = useActionState(recordOfflineAction, initialFormState);

  if (state.status === 'success' && state.values.reference && state.values.accessKey) {
    return <Recorded grievanceId={state.values.grievanceId ?? ''} reference={state.values.reference} accessKey={state.values.accessKey} />;
  }

  return (
    <form action={formAction} className="card space-y-4" noValidate aria-label={t('title')} data-testid="record-form">
      <FormMessage state={state} />
      <input type="hidden" name="submissionKey" value={state.values.submissionKey ?? submissionKey} />
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t('receiptLegend')}</legend>
        <SelectField name="channelId" label={t('channel')} state={state} options={channels.map((channel) => ({ value: channel.id, label: channel.name }))} />
        <SelectField
          name="receivedVia"
          label={t('receivedVia')}
          state={state}
          options={OFFLINE_RECEIPT_CHANNELS.map((via) => ({ value: via, label: tg(`receivedVia.${via}`) }))}
        />
        <TextField type="datetime-local" name="receivedAt" label={t('receivedAt')} hint={t('receivedAtHint')} state={withDefault(state, 'receivedAt', now)} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t('grievanceLegend')}</legend>
        {/* No category chosen in advance: one left as it was would count under it in the public statistics. */}
        <SelectField
          name="category"
          label={t('category')}
          state={state}
          defaultValue=""
          options={[{ value: '', label: tg('filing.categoryChoose') }, ...GRIEVANCE_CATEGORIES.map((category) => ({ value: category, label: tg(`category.${category}`) }))]}
        />
        <TextAreaField name="description" label={t('description')} hint={t('descriptionHint', { max: MAX_DESCRIPTION_LENGTH })} state={state} rows={8} maxLength={MAX_DESCRIPTION_LENGTH} />
        <TextField name="place" label={t('place')} state={state} required={false} maxLength={MAX_PLACE_LENGTH} />
        <TextField type="date" name="eventDate" label={t('eventDate')} state={state} required={false} />
        <TextAreaField name="outcomeSought" label={t('outcomeSought')} state={state} rows={3} required={false} maxLength={MAX_OUTCOME_LENGTH} />
        <div className="space-y-1">
          <label className="flex items-start gap-2">
            <input type="checkbox" name="isConfidential" className="mt-1 h-4 w-4" defaultChecked={state.values.isConfidential === 'on'} aria-describedby="isConfidential-hint" />
            <span className="font-medium">{t('isConfidential')}</span>
          </label>
          <p id="isConfidential-hint" className="hint">
            {t('isConfidentialHint')}
          </p>
        </div>
        <FileField
          name="attachments"
          label={t('attachments')}
          hint={t('attachmentsHint', { max: MAX_ATTACHMENTS, megabytes: MAX_ATTACHMENT_MEGABYTES })}
          state={state}
          accept={ATTACHMENT_ACCEPT}
          multiple
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t('contactLegend')}</legend>
        <p className="hint">{t('contactHint')}</p>
        <TextField name="contactName" label={t('contactName')} state={state} required={false} maxLength={MAX_CONTACT_NAME_LENGTH} autoComplete="off" />
        <TextField type="email" name="contactEmail" label={t('contactEmail')} state={state} required={false} autoComplete="off" />
        <TextField name="contactPhone" label={t('contactPhone')} state={state} required={false} maxLength={MAX_CONTACT_PHONE_LENGTH} autoComplete="off" />
      </fieldset>

      <SubmitButton pendingLabel={t('sending')}>{t('submit')}</SubmitButton>
    </form>
  );
}

/** The form state with a default for a field nothing was typed into yet. */
function withDefault(state: FormState, name: string, value: string): FormState {
  return state.values[name] === undefined ? { ...state, values: { ...state.values, [name]: value } } : state;
}


function Recorded({ grievanceId, reference, accessKey }: { grievanceId: string; reference: string; accessKey: string }) {
  const t = useTranslations('grievanceCases.record');
  return (
    <section role="status" aria-labelledby="recorded-heading" className="card space-y-3 border-brand-600" data-testid="recorded-grievance">
      <h2 id="recorded-heading" className="text-2xl font-semibold">
        {t('recordedTitle')}
      </h2>
      <p>{t('recordedIntro')}</p>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('reference')}</dt>
        <dd className="font-mono text-xl font-bold" data-testid="recorded-reference">
          {reference}
        </dd>
        <dt className="font-medium">{t('accessKey')}</dt>
        <dd className="font-mono text-xl font-bold" data-testid="recorded-access-key">
          {accessKey}
        </dd>
      </dl>
      <p className="font-medium">{t('accessKeyOnce')}</p>
      <p className="flex flex-wrap gap-4">
        {grievanceId && <Link href={`/grievances/cases/${grievanceId}`}>{t('openCase')}</Link>}
        {/* A full page load, so the form starts empty with a new submission key (a client navigation would keep this state). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/grievances/cases/record">{t('recordAnother')}</a>
      </p>
    </section>
  );
}
