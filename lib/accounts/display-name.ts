// Display names: what a person is called next to everything they write. A name is
// shown to everyone, so it is cleaned of characters that hide or reorder text, and two
// names are compared the way a reader sees them. The shape follows the PRECIS Nickname
// profile (RFC 8266: spaces mapped and collapsed, NFKC, case-insensitive comparison),
// with Unicode's confusable skeletons (UTS #39) on top so that a Cyrillic "А" does not
// pass for a Latin "A".
import unhomoglyph from 'unhomoglyph';
import { z } from 'zod';
import { plainText } from '@/lib/validation/text';

export const DISPLAY_NAME_MAX_LENGTH = 120;

// Line breaks and tabs in a name are spacing mistakes: they become spaces.
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;

// Characters that show nothing or change how the text around them is shown:
// other controls (Cc); format characters (Cf), among them the bidi embeddings and
// overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks U+200E/U+200F and
// U+061C, and the zero-width U+200B–U+200D, U+2060 and U+FEFF (named as well, for the
// reader); private-use and lone surrogate code points; and letters that draw as blank
// (combining grapheme joiner, Hangul fillers, the blank Braille pattern).
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** The name as it will be stored and shown: invisible characters gone, NFKC, single spaces, trimmed. */
export function cleanDisplayName(name: string): string {
  return name
    .replace(SPACING_CONTROLS, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** UTS #39 skeleton: each character replaced by the one it is confusable with. */
const skeleton = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/** Full case folding, as near as JavaScript gets: "ß" and "SS" fold alike. */
const foldCase = (text: string) => text.toUpperCase().toLowerCase();

/**
 * Whether two names would read as the same name: equal after cleaning, case folding
 * and confusable mapping. Both orders are tried, since the mapping is case-sensitive
 * (a capital "I" is confusable with a small "l", a small "i" is not).
 */
export function namesLookAlike(first: string, second: string): boolean {
  const [a, b] = [cleanDisplayName(first), cleanDisplayName(second)];
  return skeleton(foldCase(a)) === skeleton(foldCase(b)) || foldCase(skeleton(a)) === foldCase(skeleton(b));
}

/**
 * A name typed into a form: the usual text checks (a control character gets a message,
 * as in every field), then cleaned; a name with nothing visible left is refused.
 */
export function displayNameField({ min = 1, max = DISPLAY_NAME_MAX_LENGTH }: { min?: number; max?: number } = {}) {
  return plainText({ min, max, tooShort: 'nameRequired', tooLong: 'nameTooLong' })
    .transform(cleanDisplayName)
    .pipe(z.string().min(1, 'nameInvisible').min(min, 'nameRequired').max(max, 'nameTooLong'));
}

/** An account's display name. */
export const displayNameSchema = displayNameField();
