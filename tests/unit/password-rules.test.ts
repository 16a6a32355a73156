// The password rules (NIST SP 800-63B): length in characters, no composition rules,
// common and breached passwords refused, and not the account's own e-mail or name.
import { describe, expect, it } from 'vitest';
import { signUpSchema } from '@/lib/accounts/schemas';
import { findPasswordProblem, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from '@/lib/auth/password-rules';
import { DEMO_PASSWORD } from '@/db/seed';

const account = { email: 'rosa.garcia@example.org', name: 'Rosa García' };

describe('findPasswordProblem', () => {
  it('needs at least 8 characters and takes up to 200', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(findPasswordProblem({ password: 'q7#vLm2' })).toBe('passwordTooShort');
    expect(findPasswordProblem({ password: 'q7#vLm2x' })).toBeNull();
    expect(findPasswordProblem({ password: 'lantern '.repeat(25) })).toBeNull();
    expect(findPasswordProblem({ password: `${'lantern '.repeat(25)}x` })).toBe('passwordTooLong');
    expect(findPasswordProblem({ password: 'x'.repeat(1_000_000) })).toBe('passwordTooLong');
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    // Eight emoji: 16 UTF-16 units, 32 bytes, eight characters.
    expect(passwordLength('🦊🌵🎻🚲🍋🐙🌋🧭')).toBe(8);
    expect(findPasswordProblem({ password: '🦊🌵🎻🚲🍋🐙🌋' })).toBe('passwordTooShort');
    expect(findPasswordProblem({ password: '🦊🌵🎻🚲🍋🐙🌋🧭' })).toBeNull();
    expect(findPasswordProblem({ password: '🦊'.repeat(MAX_PASSWORD_LENGTH) })).toBeNull();
    // "é" typed as e + combining accent is one character once normalized, as it is hashed.
    expect(passwordLength('cafe\u0301cafe\u0301')).toBe(8);
  });

  it('accepts spaces and any script, without asking for digits or symbols', () => {
    for (const password of ['correct horse battery', 'a long enough password', 'ñandú en el árbol', 'пароль для сайта', '長い合言葉ですね', 'lowercaseonlywords']) {
      expect(findPasswordProblem({ password, ...account }), password).toBeNull();
    }
  });

  it.each(['password12', '1234567890', 'qwertyuiop', 'iloveyou1', 'letmein123', 'Password123', 'PASSWORD12', 'pass word12', 'participa'])(
    'refuses the common password %j, whatever its case or spacing',
    (password) => {
      expect(findPasswordProblem({ password, ...account })).toBe('passwordCommon');
    },
  );

  it('refuses the e-mail address and its local part, whatever the case or spaces', () => {
    for (const password of ['rosa.garcia@example.org', 'Rosa.Garcia@Example.org', 'rosa.garcia', ' ROSA.GARCIA ']) {
      expect(findPasswordProblem({ password, ...account }), password).toBe('passwordIsEmail');
    }
    expect(findPasswordProblem({ password: 'rosa.garcia!', ...account })).toBeNull();
  });

  it('refuses the name, whatever the case or spaces', () => {
    for (const password of ['Rosa García', 'rosa garcía', 'ROSAGARCÍA', 'Rosa Garci\u0301a']) {
      expect(findPasswordProblem({ password, ...account }), password).toBe('passwordIsName');
    }
    expect(findPasswordProblem({ password: 'Rosa García 1987', ...account })).toBeNull();
  });

  it('accepts the demo accounts’ password, which the seed sets directly', () => {
    expect(DEMO_PASSWORD).toBe('participa-demo');
    expect(findPasswordProblem({ password: DEMO_PASSWORD, email: 'resident@participa.example', name: 'Rosa Resident' })).toBeNull();
  });
});

describe('the sign-up form’s password field', () => {
  const form = { name: 'Rosa García', email: 'Rosa.Garcia@example.org' };
  const passwordError = (password: string, details = form) => {
    const parsed = signUpSchema.safeParse({ ...details, password });
    return parsed.success ? null : parsed.error.issues.find((issue) => issue.path[0] === 'password')?.message;
  };

  it('names the reason for each refusal', () => {
    expect(passwordError('short')).toBe('passwordTooShort');
    expect(passwordError('password12')).toBe('passwordCommon');
    expect(passwordError('1234567890')).toBe('passwordCommon');
    expect(passwordError('rosa.garcia@example.org')).toBe('passwordIsEmail');
    expect(passwordError('rosa garcía')).toBe('passwordIsName');
    expect(passwordError('lantern orbit maple')).toBeNull();
  });

  it('compares with the name as it will be stored, after cleaning', () => {
    expect(passwordError('rosagarcia1', { ...form, name: 'Rosa\u200B Garcia1' })).toBe('passwordIsName');
  });

  it('reports a common password beside mistakes in the other fields, and a missing one as too short', () => {
    const parsed = signUpSchema.safeParse({ name: 'Rosa', email: 'rosa@', password: 'password12' });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toMatchObject({ email: 'emailInvalid', password: 'passwordCommon' });
    expect(signUpSchema.safeParse({ name: 'Rosa', email: 'rosa@example.org' }).error?.issues[0]).toMatchObject({
      path: ['password'],
      message: 'passwordTooShort',
    });
  });
});
