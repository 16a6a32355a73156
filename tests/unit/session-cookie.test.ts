// The front door tells an account's large upload from an anonymous one by its session
// cookie; only a cookie sealed with the site's secret counts.
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { sessionCookieAccount, parseCookieHeader } from '@/lib/auth/session-cookie';

const SECRET = 'a-test-secret-of-reasonable-length-0123456789';

describe('sessionCookieAccount', () => {
  it('names the account of a session cookie issued with the secret, under either of next-auth’s names', async () => {
    const token = await encode({ token: { sub: 'user-1', sid: 'session-1' }, secret: SECRET });
    expect(await sessionCookieAccount(`theme=dark; next-auth.session-token=${token}`, SECRET)).toBe('user-1');
    expect(await sessionCookieAccount(`__Secure-next-auth.session-token=${token}`, SECRET)).toBe('user-1');
  });

  it('accepts a cookie next-auth split into chunks', async () => {
    const token = await encode({ token: { sub: 'user-1' }, secret: SECRET });
    const middle = Math.floor(token.length / 2);
    expect(await sessionCookieAccount(`next-auth.session-token.0=${token.slice(0, middle)}; next-auth.session-token.1=${token.slice(middle)}`, SECRET)).toBe('user-1');
  });

  it('refuses what a client could make up: no cookie, junk, another secret, an expired session', async () => {
    expect(await sessionCookieAccount(undefined, SECRET)).toBeNull();
    expect(await sessionCookieAccount('next-auth.session-token=not-a-token', SECRET)).toBeNull();
    const foreign = await encode({ token: { sub: 'user-1' }, secret: 'some-other-secret-entirely-0123456789' });
    expect(await sessionCookieAccount(`next-auth.session-token=${foreign}`, SECRET)).toBeNull();
    const expired = await encode({ token: { sub: 'user-1' }, secret: SECRET, maxAge: -60 });
    expect(await sessionCookieAccount(`next-auth.session-token=${expired}`, SECRET)).toBeNull();
  });
});

describe('parseCookieHeader', () => {
  it('keeps the first value of a name and skips malformed pairs', () => {
    expect([...parseCookieHeader('a=1; junk; =2; b = 3 ; a=4')]).toEqual([
      ['a', '1'],
      ['b', '3'],
    ]);
  });
});
