// Text people type, as the database can store it. PostgreSQL rejects NUL bytes, and
// other control characters have no business in a name or a title, so both get a
// message next to the field instead of a failed query.
import { z } from 'zod';

// Tab, line feed and carriage return are fine; every other C0 control and DEL is not.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const hasNoControlCharacters = (value: string) => !CONTROL_CHARACTERS.test(value);

/** Browsers send a textarea's line breaks as CR LF; a limit counts each break once. */
const unifyLineBreaks = (value: string) => value.replace(/\r\n?/g, '\n');

/**
 * A trimmed single- or multi-line text with length limits; messages are catalogue keys.
 * A field missing from the form reads as empty, so it gets the same message as a blank one.
 */
export function plainText({ min, max, tooShort, tooLong }: { min: number; max: number; tooShort: string; tooLong: string }) {
  const text = z
    .string('textInvalid')
    .transform(unifyLineBreaks)
    .pipe(z.string().trim().min(min, tooShort).max(max, tooLong).refine(hasNoControlCharacters, 'textInvalid'));
  // Typed as the text schema it wraps, so it composes (in arrays, pipes) like a string schema.
  return z.preprocess((value) => value ?? '', text) as unknown as typeof text;
}
