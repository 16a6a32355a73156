// The two codes a complainant receives. The reference names the case in every letter,
// call and page; the access key is the secret that opens it without an account. Both
// are random (Crockford base32: no I, L, O or U to misread), so neither can be guessed
// or derived from another case; only a hash of the access key is stored.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_LENGTH = 10; // 50 bits
const ACCESS_KEY_LENGTH = 20; // 100 bits
const REFERENCE_PREFIX = 'GR';

function randomSymbols(length: number): string {
  let symbols = '';
  for (let index = 0; index < length; index += 1) symbols += ALPHABET[randomInt(ALPHABET.length)];
  return symbols;
}

function groups(symbols: string, size: number): string {
  return symbols.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');
}

/** A new reference, e.g. GR-7KQ4M-9XD2A. */
export function newReference(): string {
  return `${REFERENCE_PREFIX}-${groups(randomSymbols(REFERENCE_LENGTH), 5)}`;
}

/** A new access key, e.g. 4F7K-Q2MX-9ZDA-TT3P-8HNC. */
export function newAccessKey(): string {
  return groups(randomSymbols(ACCESS_KEY_LENGTH), 4);
}

/** Upper case, without spaces and dashes, with the letters people confuse for digits read as digits. */
function canonicalSymbols(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The reference as stored, from what someone typed (any case, spaces or dashes), or null if it cannot be one. */
export function normalizeReference(typed: string): string | null {
  let symbols = canonicalSymbols(typed);
  // The prefix is optional, and random symbols may themselves begin with G and R: only the
  // length tells whether it was typed.
  if (symbols.length === REFERENCE_PREFIX.length + REFERENCE_LENGTH && symbols.startsWith(REFERENCE_PREFIX)) {
    symbols = symbols.slice(REFERENCE_PREFIX.length);
  }
  if (symbols.length !== REFERENCE_LENGTH || [...symbols].some((symbol) => !ALPHABET.includes(symbol))) return null;
  return `${REFERENCE_PREFIX}-${groups(symbols, 5)}`;
}

/** The access key as generated, from what someone typed, or null if it cannot be one. */
export function normalizeAccessKey(typed: string): string | null {
  const symbols = canonicalSymbols(typed);
  if (symbols.length !== ACCESS_KEY_LENGTH || [...symbols].some((symbol) => !ALPHABET.includes(symbol))) return null;
  return groups(symbols, 4);
}

export function hashAccessKey(accessKey: string): string {
  return createHash('sha256').update(`participa-grievance:${accessKey}`).digest('hex');
}

/** Compares in constant time, so response times say nothing about how close a guess was. */
export function accessKeyMatches(accessKey: string, storedHash: string): boolean {
  const given = Buffer.from(hashAccessKey(accessKey), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
