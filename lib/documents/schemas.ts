// The document upload form. The file itself is checked by lib/documents/file-check.ts
// (size, and type by content); these are the typed fields around it.
import { z } from 'zod';
import { plainText } from '@/lib/validation/text';

export const uploadDocumentSchema = z.object({
  consultationId: z.uuid('consultationNotFound'),
  title: plainText({ min: 3, max: 200, tooShort: 'titleRequired', tooLong: 'titleTooLong' }),
  /** A checkbox: the image is the plan people may pin their input to. */
  isPlan: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
});
export type UploadDocumentInput = z.output<typeof uploadDocumentSchema>;
