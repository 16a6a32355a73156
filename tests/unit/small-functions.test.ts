import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { problemFromCode } from '@/lib/auth/sign-in-problem';
import { negotiateLocale } from '@/lib/i18n/config';
import { slugify } from '@/lib/initiatives/slug';
import { logError } from '@/lib/log';
import { resolveAuthSecret } from '@/server/auth-secret';

describe('passwords', () => {
  it('verifies the right password and nothing else', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'garbage')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
});

describe('slugify', () => {
  it.each([
    ['Plaza Mayor redesign', 'plaza-mayor-redesign'],
    ['Añadir árboles en la Calle Ñ', 'anadir-arboles-en-la-calle-n'],
    ['  --Smart!! Lighting??  ', 'smart-lighting'],
    ['京都', 'initiative'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps addresses short', () => {
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(60);
    expect(slugify('word '.repeat(40))).not.toMatch(/-$/);
  });
});

describe('negotiateLocale', () => {
  it('falls back to English for languages not yet complete', () => {
    expect(negotiateLocale('fr-FR,fr;q=0.9')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('en-GB,en;q=0.8')).toBe('en');
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/admin/users', '/admin/users'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});

describe('problemFromCode', () => {
  it('maps next-auth codes to what the sign-in page says', () => {
    expect(problemFromCode('CredentialsSignin')).toBe('wrongCredentials');
    expect(problemFromCode('TooManyAttempts')).toBe('tooManyAttempts');
    expect(problemFromCode('Configuration')).toBe('failed');
    expect(problemFromCode(null)).toBeNull();
  });
});

describe('logError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps query parameters, such as e-mails, out of the log', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => lines.push(line));
    const error = new Error('Failed query: insert into "users" ("email") values ($1)\nparams: rosa@example.org,scrypt$abc', {
      cause: Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
    });
    logError('sign-up failed', error);
    expect(lines.join('\n')).not.toContain('rosa@example.org');
    expect(lines.join('\n')).toContain('23505');
  });
});

describe('resolveAuthSecret', () => {
  it('generates a secret once for the embedded default and keeps it private', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'participa-secret-'));
    const first = resolveAuthSecret({ dataDir, isEmbedded: true });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret({ dataDir, isEmbedded: true })).toBe(first);
    expect(readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(path.join(dataDir, 'auth-secret')).mode & 0o077).toBe(0);
  });

  it('prefers the configured secret and demands one for a shared PostgreSQL', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'participa-secret-'));
    expect(resolveAuthSecret({ configured: 'x'.repeat(40), dataDir, isEmbedded: false })).toBe('x'.repeat(40));
    expect(() => resolveAuthSecret({ dataDir, isEmbedded: false })).toThrow(/AUTH_SECRET/);
  });
});
