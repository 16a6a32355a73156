'use client';

// What staff do with a draft decision: edit it, attach and remove its documents,
// publish it, or delete it. A published decision is a public record: none of these
// forms is shown for it, and the server refuses them anyway.
import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { useUploadForm } from '@/app/_components/use-upload-form';
import { FileField, FormMessage, SubmitButton, TextAreaField, TextField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { UNANSWERED_REASON_MAX } from '@/lib/decisions/vocabulary';
import { ACCEPT_ATTRIBUTE, MAX_DOCUMENT_BYTES } from '@/lib/documents/file-check';
import { DecisionFields, type DecisionFieldValues } from '../decision-fields';
import { deleteDraftDecisionAction, publishDecisionAction, removeDecisionDocumentAction, updateDecisionAction, uploadDecisionDocumentAction } from './actions';

export function EditDecisionForm({ decisionId, saved }: { decisionId: string; saved: DecisionFieldValues }) {
  const t = useTranslations('decisionManage');
  const [state, dispatch] = useActionState(updateDecisionAction, initialFormState);
  return (
    <form action={dispatch} className="card space-y-4" aria-labelledby="edit-decision-heading" noValidate>
      <h2 id="edit-decision-heading" className="text-2xl font-semibold">
        {t('editTitle')}
      </h2>
      <FormMessage state={state} successMessage={t('saved')} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <DecisionFields state={state} saved={saved} idPrefix="edit-decision-" />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}

const tooLarge = (files: File[]) => (files.some((file) => file.size > MAX_DOCUMENT_BYTES) ? 'fileTooLarge' : null);

export function DecisionDocumentUploadForm({ decisionId }: { decisionId: string }) {
  const t = useTranslations('decisionManage.documents');
  const { state, dispatch, isPending, setIsTooLarge, formRef, onSubmit } = useUploadForm(uploadDecisionDocumentAction);

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className="card space-y-4" aria-labelledby="upload-decision-document-heading" noValidate>
      <h3 id="upload-decision-document-heading" className="text-lg font-semibold">
        {t('uploadTitle')}
      </h3>
      <FormMessage state={state} successMessage={t('uploaded')} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <TextField name="title" idPrefix="decision-document-" label={t('titleLabel')} hint={t('titleHint')} state={state} maxLength={200} />
      <FileField
        name="file"
        idPrefix="decision-document-"
        label={t('file')}
        hint={t('fileHint', { maxMegabytes: MAX_DOCUMENT_BYTES / (1024 * 1024) })}
        state={state}
        accept={ACCEPT_ATTRIBUTE}
        check={(files) => {
          const problem = tooLarge(files);
          setIsTooLarge(problem !== null);
          return problem;
        }}
      />
      <button type="submit" className="button" disabled={isPending} aria-disabled={isPending}>
        {isPending ? t('uploading') : t('upload')}
      </button>
    </form>
  );
}

export function RemoveDecisionDocumentForm({ document }: { document: { id: string; title: string } }) {
  const t = useTranslations('decisionManage.documents');
  const [state, dispatch] = useActionState(removeDecisionDocumentAction, initialFormState);
  return (
    <form action={dispatch} className="inline">
      <input type="hidden" name="documentId" value={document.id} />
      <SubmitButton pendingLabel={t('removing')} className="text-sm text-red-800 underline">
        <span aria-hidden="true">{t('remove')}</span>
        <span className="sr-only">{t('removeNamed', { title: document.title })}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteDraftForm({ decisionId }: { decisionId: string }) {
  const t = useTranslations('decisionManage.delete');
  const [state, dispatch] = useActionState(deleteDraftDecisionAction, initialFormState);
  return (
    <form action={dispatch} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <p className="hint">{t('hint')}</p>
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        {t('button')}
      </SubmitButton>
    </form>
  );
}

/**
 * Publishing. `children` says how many inputs are answered; with some unanswered, the
 * reason field appears (and also when the server found inputs unanswered meanwhile).
 */
export function PublishForm({ decisionId, consultationId, unanswered, children }: { decisionId: string; consultationId: string; unanswered: number; children: ReactNode }) {
  const t = useTranslations('decisionManage.publish');
  const [state, dispatch] = useActionState(publishDecisionAction, initialFormState);
  const reasonError = state.fieldErrors.unansweredReason;
  const asksReason = unanswered > 0 || reasonError !== undefined;
  // The refusal for a missing reason is about that field: say so, not "conflict".
  const shownState: FormState = reasonError && !state.fieldErrors.form ? { ...state, message: 'errors.bad_request' } : state;
  return (
    <form action={dispatch} className="space-y-4" aria-labelledby="publish-heading" noValidate>
      {children}
      <FormMessage state={shownState} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="consultationId" value={consultationId} />
      {asksReason && (
        <TextAreaField name="unansweredReason" idPrefix="publish-" label={t('reason')} hint={t('reasonHint')} state={state} rows={4} maxLength={UNANSWERED_REASON_MAX} />
      )}
      <SubmitButton pendingLabel={t('working')}>{asksReason ? t('buttonWithReason') : t('button')}</SubmitButton>
    </form>
  );
}
