// The one place for the rules a new password must meet, after NIST SP 800-63B (rev. 3
// §5.1.1.2; rev. 4 §3.1.1.2 keeps them): a minimum length, no composition rules, and a
// refusal of passwords that attackers try first — common or breached ones, and the
// account's own e-mail or name. Every refusal names its reason.
//
// Server only: the list below is about 50,000 entries, so a browser component takes the
// minimum length from its page instead of importing this module.
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * NIST's floor for a chosen password. Rev. 4 asks 15 where a password is the only
 * factor; Participa keeps 8 for now (the decision) and refuses common passwords.
 */
export const MIN_PASSWORD_LENGTH = 8;
/** Generous, so passphrases fit; it only bounds the hashing work. */
export const MAX_PASSWORD_LENGTH = 200;

export const PASSWORD_PROBLEMS = ['passwordTooShort', 'passwordTooLong', 'passwordCommon', 'passwordIsEmail', 'passwordIsName'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/**
 * The passwords most often found in breaches (zxcvbn-ts's list, ranked from leaked
 * password corpora), lower-case, plus the name of this service. Only those long enough
 * to pass the length rule need keeping.
 */
let commonPasswords: ReadonlySet<string> | undefined;
function isCommonPassword(comparable: string): boolean {
  commonPasswords ??= new Set(
    [...dictionary['passwords-common'], 'participa'].map(comparableForm).filter((entry) => [...entry].length >= MIN_PASSWORD_LENGTH),
  );
  return commonPasswords.has(comparable);
}

/** Hashing normalizes with NFKC (lib/auth/password.ts), so lengths and comparisons do too. */
const normalized = (text: string) => text.normalize('NFKC');

/** Each Unicode code point counts as one character, as NIST asks (not UTF-16 units, not bytes). */
export function passwordLength(password: string): number {
  return [...normalized(password)].length;
}

/** What makes two secrets "trivially the same": case and whitespace do not count. */
function comparableForm(text: string): string {
  return normalized(text).toLowerCase().replace(/\s+/gu, '');
}

/** The reason a password cannot be used, or null when it can. Spaces and any Unicode are welcome. */
export function findPasswordProblem({ password, email, name }: { password: string; email?: string; name?: string }): PasswordProblem | null {
  // Far beyond any allowed password, whatever its characters: no need to normalize it.
  if (password.length > 8 * MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';

  const candidate = comparableForm(password);
  if (email) {
    const address = comparableForm(email);
    const localPart = address.slice(0, Math.max(0, address.lastIndexOf('@')));
    if (candidate === address || candidate === localPart) return 'passwordIsEmail';
  }
  if (name && candidate === comparableForm(name)) return 'passwordIsName';
  if (isCommonPassword(candidate)) return 'passwordCommon';
  return null;
}
