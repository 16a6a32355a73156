// The files a grievance form sent, handed to the domain functions (file-grievance.ts,
// take-step.ts), which stream each one into the file store and check it by its content.
// Count and size are known without reading the files (File.size), so a form with too
// many or too large ones is refused before they are read, and its problem is named
// together with the typed fields' problems.
import type { FormState } from '@/lib/actions/form-state';
import { AppError } from '@/lib/errors';
import type { GrievanceAttachmentUpload } from './file-grievance';
import { attachmentProblem } from './filing-limits';

/** The chosen files, unread; refuses too many or too large ones at the `attachments` field without reading them. */
export async function readAttachmentUploads(files: readonly File[]): Promise<GrievanceAttachmentUpload[]> {
  const problem = attachmentProblem(files);
  if (problem) throw new AppError('bad_request', { detail: 'attachments refused before reading', fieldErrors: { attachments: problem } });
  return files.map((file) => ({ fileName: file.name, file }));
}

/** What the chosen files add up to, known before any is read (for upload quotas). */
export function attachmentBytes(files: readonly { size: number }[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

/** A form refused for its typed fields also names a problem with its files, so one round fixes all. */
export function withAttachmentProblem(state: FormState, files: readonly File[]): FormState {
  if (state.status !== 'error' || state.message !== 'errors.bad_request' || state.fieldErrors.attachments) return state;
  const problem = attachmentProblem(files);
  return problem ? { ...state, fieldErrors: { ...state.fieldErrors, attachments: problem } } : state;
}
