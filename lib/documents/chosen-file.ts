// Telling a chosen file from a file input left empty, for every upload form.

/**
 * Whether a part of the form is a file someone chose. A file input left empty is sent
 * as an empty part without a name, which Next's multipart parser turns into an empty
 * File named "" or "undefined"; a named empty file was chosen, and is refused as empty.
 */
export function isChosenFile(value: unknown): value is File {
  return value instanceof File && !(value.size === 0 && (value.name === '' || value.name === 'undefined'));
}
