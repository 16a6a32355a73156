'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { successState, type FormState } from '@/lib/actions/form-state';
import { isChosenFile } from '@/lib/documents/chosen-file';
import { uploadDocumentSchema } from '@/lib/documents/schemas';
import { removeDocument } from '@/lib/documents/remove-document';
import { uploadDocument } from '@/lib/documents/upload-document';
import { AppError } from '@/lib/errors';

function refresh(consultationId: string) {
  revalidatePath(`/consultations/${consultationId}`);
  revalidatePath(`/consultations/${consultationId}/manage`);
}

function chosenFile(formData: FormData): File | null {
  const file = formData.get('file');
  return isChosenFile(file) ? file : null;
}

export async function uploadDocumentAction(previous: FormState, formData: FormData): Promise<FormState> {
  // formAction parses only the typed fields; the file travels beside them.
  const file = formData instanceof FormData ? chosenFile(formData) : null;
  const upload = formAction(uploadDocumentSchema, async (input, { db, actor }) => {
    if (!file) throw new AppError('bad_request', { fieldErrors: { file: 'fileRequired' } });
    await uploadDocument(db, { actor, ...input, fileName: file.name, file });
    refresh(input.consultationId);
    return successState();
  });
  const state = await upload(previous, formData);
  // A missing file is named together with the typed fields' problems, so one round fixes all.
  if (state.status === 'error' && state.message === 'errors.bad_request' && !file && formData instanceof FormData) {
    return { ...state, fieldErrors: { ...state.fieldErrors, file: state.fieldErrors.file ?? 'fileRequired' } };
  }
  return state;
}

export const removeDocumentAction = formAction(z.object({ documentId: z.uuid() }), async ({ documentId }, { db, actor }) => {
  const { consultationId } = await removeDocument(db, { actor, documentId });
  refresh(consultationId);
  return successState();
});
