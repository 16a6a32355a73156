// The limits of the filing form, shared by the browser and the server: how long each
// text may be, and what may be attached, checked where it can be checked without reading
// the files (how many, how large, and in the browser only, as a courtesy, whether the
// name looks like an accepted type). The server still reads every file's type from its
// bytes (file-grievance.ts → lib/documents/file-check.ts). Free of server-only imports.
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_TYPES } from '@/lib/documents/file-check';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './vocabulary';

/** For the file input's `accept`: a hint to the browser's picker, never a check. */
export const MAX_PLACE_LENGTH = 300;
export const MAX_OUTCOME_LENGTH = 2_000;
export const MAX_CONTACT_NAME_LENGTH = 200;
export const MAX_CONTACT_PHONE_LENGTH = 40;

export const ATTACHMENT_ACCEPT = ACCEPT_ATTRIBUTE;
export const MAX_ATTACHMENT_MEGABYTES = MAX_ATTACHMENT_BYTES / (1024 * 1024);

const ACCEPTED_EXTENSIONS = new Set([...Object.values(ACCEPTED_FILE_TYPES).map((type) => type.extension), 'jpeg']);

interface ChosenFile {
  name: string;
  size: number;
}

export { isChosenFile } from '@/lib/documents/chosen-file';

/** The first problem with the chosen files that needs no look inside them, as a validation key; null when none. */
export function attachmentProblem(files: readonly ChosenFile[], { checkExtension = false }: { checkExtension?: boolean } = {}): string | null {
  if (files.length > MAX_ATTACHMENTS) return 'grievance.tooManyAttachments';
  for (const file of files) {
    if (file.size === 0) return 'fileEmpty';
    if (file.size > MAX_ATTACHMENT_BYTES) return 'grievance.attachmentTooLarge';
    if (checkExtension) {
      const extension = file.name.includes('.') ? file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase() : '';
      if (!ACCEPTED_EXTENSIONS.has(extension)) return 'fileTypeNotAccepted';
    }
  }
  return null;
}
