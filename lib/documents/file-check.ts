// What an uploaded file may be: its type is read from its bytes (the browser's claim and
// the name's extension are whatever the sender wants them to be), its size is bounded,
// and its name is made safe to store, show and send back. No server-only imports, so
// the upload forms can share the limits; storage.ts runs the check on the upload's
// stream while it writes the file.

/** 20 MiB: a long planning report with drawings fits; a video does not. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface AcceptedType {
  extension: string;
  /** Images can be a plan that people pin their input to. */
  isImage: boolean;
  /** Browsers show these themselves; office files are saved and opened by a program. */
  isInline: boolean;
}

const image = (extension: string): AcceptedType => ({ extension, isImage: true, isInline: true });
const office = (extension: string): AcceptedType => ({ extension, isImage: false, isInline: false });

/** By the MIME type file-type reports for the content. */
export const ACCEPTED_FILE_TYPES: Readonly<Record<string, AcceptedType>> = {
  'application/pdf': { extension: 'pdf', isImage: false, isInline: true },
  'image/png': image('png'),
  'image/jpeg': image('jpg'),
  'image/webp': image('webp'),
  'image/gif': image('gif'),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': office('docx'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': office('xlsx'),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': office('pptx'),
  'application/vnd.oasis.opendocument.text': office('odt'),
  'application/vnd.oasis.opendocument.spreadsheet': office('ods'),
  'application/vnd.oasis.opendocument.presentation': office('odp'),
};

/** For the file input's `accept`: only a hint to the browser's picker, never a check. */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ACCEPTED_FILE_TYPES),
  ...Object.values(ACCEPTED_FILE_TYPES).map((type) => `.${type.extension}`),
  '.jpeg',
].join(',');

/** Own keys only, so a type named like an Object.prototype member is not "accepted". */
export function acceptedType(contentType: string): AcceptedType | undefined {
  return Object.hasOwn(ACCEPTED_FILE_TYPES, contentType) ? ACCEPTED_FILE_TYPES[contentType] : undefined;
}

export const isImageType = (contentType: string): boolean => acceptedType(contentType)?.isImage ?? false;
export const isInlineType = (contentType: string): boolean => acceptedType(contentType)?.isInline ?? false;

export type UploadRefusal = 'fileEmpty' | 'fileTooLarge' | 'fileTypeNotAccepted';

export type UploadCheck =
  | { ok: true; contentType: string; extension: string; safeFileName: string }
  | { ok: false; fieldError: UploadRefusal };

const MAX_BASE_NAME_LENGTH = 120;
// C0 and C1 controls, DEL, and the bidirectional overrides that can make
// "report‮fdp.exe" read as "reportexe.pdf".
const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069"'`<>:*?|]/g;

/**
 * A readable name that is safe in a header, a URL and any operating system's file
 * dialogue: no folders, no controls or quotes, and the extension of what the file is.
 */
export function safeFileName(fileName: string, extension: string): string {
  const lastPart = fileName.split(/[/\\]/).pop() ?? '';
  const cleaned = lastPart.normalize('NFC').replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  const withoutExtension = cleaned.includes('.') ? cleaned.slice(0, cleaned.lastIndexOf('.')) : cleaned;
  // Leading dots would hide the file on Unix systems; trailing dots and spaces vanish on Windows.
  const base = [...withoutExtension.replace(/^[.\s]+|[.\s]+$/g, '')].slice(0, MAX_BASE_NAME_LENGTH).join('').trim();
  return `${base || 'document'}.${extension}`;
}

/** The first bytes that hold something, or null for an empty stream; the returned stream still yields every byte. */
async function withFirstBytes(content: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array> | null> {
  const reader = content.getReader();
  let first: Uint8Array | undefined;
  while (!first) {
    const { done, value } = await reader.read();
    if (done) return null;
    if (value.byteLength > 0) first = value;
  }
  const head = first;
  return new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(head),
    pull: async (controller) => {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * Judges an upload by its content as it arrives: file-type reads only as far into the
 * stream as it needs (the first bytes for most types, the entries of a zip for office
 * files) and then stops. The size limit is counted by the store (storage.ts), which
 * runs this while it writes the file.
 */
export async function checkUpload({ content, fileName }: { content: ReadableStream<Uint8Array>; fileName: string }): Promise<UploadCheck> {
  const stream = await withFirstBytes(content);
  if (!stream) return { ok: false, fieldError: 'fileEmpty' };
  // Loaded here rather than at the top so the upload form can import the limits above
  // without pulling the detector into the browser bundle.
  const { fileTypeFromStream } = await import('file-type');
  const detected = await fileTypeFromStream(stream);
  await stream.cancel().catch(() => {});
  const accepted = detected ? acceptedType(detected.mime) : undefined;
  if (!detected || !accepted) return { ok: false, fieldError: 'fileTypeNotAccepted' };
  return { ok: true, contentType: detected.mime, extension: accepted.extension, safeFileName: safeFileName(fileName, accepted.extension) };
}

/**
 * RFC 6266 Content-Disposition: inline for what browsers show themselves, attachment
 * for office files; `filename*` (RFC 5987) carries the UTF-8 name, `filename` an ASCII
 * fallback for clients that know only that.
 */
export function contentDisposition({ contentType, fileName }: { contentType: string; fileName: string }): string {
  const disposition = isInlineType(contentType) ? 'inline' : 'attachment';
  const asciiFallback = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * alone, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
