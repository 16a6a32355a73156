'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { publishLegalDocument } from '@/lib/accounts/legal-documents';
import { LEGAL_DOCUMENT_KINDS } from '@/lib/accounts/vocabulary';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { plainText } from '@/lib/validation/text';

const publishSchema = z.object({
  kind: z.enum(LEGAL_DOCUMENT_KINDS),
  body: plainText({ min: 50, max: 50_000, tooShort: 'legalTextTooShort', tooLong: 'legalTextTooLong' }),
  changeSummary: z.preprocess((value) => (value === '' ? undefined : value), plainText({ min: 0, max: 500, tooShort: 'changeSummaryTooLong', tooLong: 'changeSummaryTooLong' }).optional()),
});

export const publishLegalDocumentAction = formAction(publishSchema, async ({ kind, body, changeSummary }, { db, actor }) => {
  const published = await publishLegalDocument(db, { actor, kind, body, changeSummary: changeSummary ?? null });
  revalidatePath('/', 'layout');
  return successState({ kind, version: String(published.version) });
});
