'use server';

// Staff edit a draft decision, attach its documents, and publish or delete it. The
// domain functions authorize again and refuse anything once the decision is published.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { successState, type FormState } from '@/lib/actions/form-state';
import { deleteDraftDecision, publishDecision, removeDecisionDocument, updateDecision, uploadDecisionDocument } from '@/lib/decisions/manage-decisions';
import { publishDecisionSchema, updateDecisionSchema, uploadDecisionDocumentSchema } from '@/lib/decisions/schemas';
import { AppError } from '@/lib/errors';
// The one test of "was a file chosen" for every upload form (it is not grievance-specific).
import { isChosenFile } from '@/lib/documents/chosen-file';

/** The decision shows on the consultation's pages (list, responses, report). */
function refresh(consultationId: string): void {
  revalidatePath(`/consultations/${consultationId}`, 'layout');
}

const decisionIdSchema = z.object({ decisionId: z.uuid('decision.notFound') });

export const updateDecisionAction = formAction(updateDecisionSchema, async (input, { db, actor }) => {
  const { consultationId } = await updateDecision(db, { ...input, actor });
  refresh(consultationId);
  return successState();
});

export const deleteDraftDecisionAction = formAction(decisionIdSchema, async ({ decisionId }, { db, actor }) => {
  const { consultationId } = await deleteDraftDecision(db, { actor, decisionId });
  refresh(consultationId);
  redirect(`/consultations/${consultationId}/decisions?deleted=1`);
});

const publishAction = formAction(publishDecisionSchema, async (input, { db, actor }) => {
  const { consultationId } = await publishDecision(db, { ...input, actor });
  refresh(consultationId);
  // Participants see the decision on their own pages and are notified.
  revalidatePath('/participation');
  revalidatePath('/notifications');
  redirect(`/consultations/${consultationId}/decisions/${input.decisionId}?published=1`);
});

/**
 * A refusal because inputs became unanswered (or the consultation reopened) since the
 * page was shown re-renders it, so the form shows the current count and asks for a reason.
 */
export async function publishDecisionAction(previous: FormState, formData: FormData): Promise<FormState> {
  const state = await publishAction(previous, formData);
  const consultationId = formData instanceof FormData ? z.uuid().safeParse(formData.get('consultationId')) : null;
  if (state.message === 'errors.conflict' && consultationId?.success) refresh(consultationId.data);
  return state;
}

export async function uploadDecisionDocumentAction(previous: FormState, formData: FormData): Promise<FormState> {
  // formAction parses only the typed fields; the file travels beside them.
  const chosen = formData instanceof FormData ? formData.get('file') : null;
  const file = isChosenFile(chosen) ? chosen : null;
  const upload = formAction(uploadDecisionDocumentSchema, async (input, { db, actor }) => {
    if (!file) throw new AppError('bad_request', { fieldErrors: { file: 'fileRequired' } });
    const { consultationId } = await uploadDecisionDocument(db, { actor, ...input, fileName: file.name, file });
    refresh(consultationId);
    return successState();
  });
  const state = await upload(previous, formData);
  // A missing file is named together with the typed fields' problems, so one round fixes all.
  if (state.status === 'error' && state.message === 'errors.bad_request' && !file && formData instanceof FormData) {
    return { ...state, fieldErrors: { ...state.fieldErrors, file: state.fieldErrors.file ?? 'fileRequired' } };
  }
  return state;
}

export const removeDecisionDocumentAction = formAction(z.object({ documentId: z.uuid('decision.documentNotFound') }), async ({ documentId }, { db, actor }) => {
  const { consultationId } = await removeDecisionDocument(db, { actor, documentId });
  refresh(consultationId);
  return successState();
});
