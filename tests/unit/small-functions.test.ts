import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { resolveClientAddress } from '@/lib/auth/client-address';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { problemFromCode, tooManyAttemptsCode } from '@/lib/auth/sign-in-problem';
import { csvField } from '@/lib/export/csv';
import { negotiateLocale } from '@/lib/i18n/config';
import { slugify } from '@/lib/initiatives/slug';
import { logError } from '@/lib/log';
import { plainText } from '@/lib/validation/text';
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
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/organizations?tab=1#list', '/organizations?tab=1#list'],
    [undefined, '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });
});

describe('problemFromCode', () => {
  it('maps next-auth codes to what the sign-in page says', () => {
    expect(problemFromCode('CredentialsSignin')).toEqual({ kind: 'wrongCredentials' });
    expect(problemFromCode('TooManyAttempts:12')).toEqual({ kind: 'tooManyAttempts', wait: { unit: 'seconds', count: 12 } });
    expect(problemFromCode(tooManyAttemptsCode(200))).toEqual({ kind: 'tooManyAttempts', wait: { unit: 'minutes', count: 4 } });
    // A code typed into the address says nothing trustworthy about the wait.
    expect(problemFromCode('TooManyAttempts:-5')).toEqual({ kind: 'tooManyAttempts', wait: { unit: 'seconds', count: 60 } });
    expect(problemFromCode('TooManyAttempts')).toEqual({ kind: 'tooManyAttempts', wait: { unit: 'seconds', count: 60 } });
    expect(problemFromCode('Configuration')).toEqual({ kind: 'failed' });
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
  const folders: string[] = [];
  const newDataDir = () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'participa-secret-'));
    folders.push(folder);
    return folder;
  };
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('generates a secret once for the embedded default and keeps it private', () => {
    const dataDir = newDataDir();
    const first = resolveAuthSecret({ dataDir, isEmbedded: true });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret({ dataDir, isEmbedded: true })).toBe(first);
    expect(readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(path.join(dataDir, 'auth-secret')).mode & 0o077).toBe(0);
  });

  it('prefers the configured secret and demands one for a shared PostgreSQL', () => {
    const dataDir = newDataDir();
    expect(resolveAuthSecret({ configured: 'x'.repeat(40), dataDir, isEmbedded: false })).toBe('x'.repeat(40));
    expect(() => resolveAuthSecret({ dataDir, isEmbedded: false })).toThrow(/AUTH_SECRET/);
  });
});

describe('resolveClientAddress', () => {
  it('uses the socket unless told to trust a proxy', () => {
    expect(resolveClientAddress({ socketAddress: '127.0.0.1', forwardedFor: '203.0.113.5', trustProxy: false })).toBe('127.0.0.1');
  });

  it('behind a trusted proxy takes the entry that proxy added, not the ones the client wrote', () => {
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: 'spoofed, 198.51.100.7', trustProxy: true })).toBe('198.51.100.7');
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: undefined, trustProxy: true })).toBe('10.0.0.2');
  });
});

describe('plainText', () => {
  const title = plainText({ min: 3, max: 20, tooShort: 'titleRequired', tooLong: 'titleTooLong' });

  it('accepts ordinary text with line breaks, trimmed', () => {
    expect(title.parse('  Plaza\nMayor  ')).toBe('Plaza\nMayor');
  });

  it('counts a line break a browser sent as CR LF once, and stores it as LF', () => {
    const text = Array.from({ length: 7 }, () => 'ab').join('\r\n'); // 14 letters, 6 breaks: 26 sent, 20 meant
    expect(title.parse(text)).toBe(text.replaceAll('\r\n', '\n'));
  });

  it.each([
    ['ab', 'titleRequired'],
    ['x'.repeat(21), 'titleTooLong'],
    ['Plaza\u0000Mayor', 'textInvalid'],
    ['Bell\u0007', 'textInvalid'],
  ])('refuses %j with %s', (value, key) => {
    const result = title.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(key);
  });
});

describe('csvField', () => {
  it('quotes what would break a row and leaves plain values alone', () => {
    expect(csvField('Shade, water')).toBe('"Shade, water"');
    expect(csvField('He said "no"')).toBe('"He said ""no"""');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('keeps text typed by the public from running as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvField('+1 more bench')).toBe("'+1 more bench");
    expect(csvField('-cheap tickets')).toBe("'-cheap tickets");
    expect(csvField('@mayor')).toBe("'@mayor");
  });
});
