import { describe, expect, it } from 'vitest';
import { collabPublicUrl } from '@/lib/collab/endpoint';
import { contentSecurityPolicy, createNonce, isServedOverHttps, nonceFromPolicy, referrerPolicyFor, securityHeaders, websocketOrigin } from '@/lib/http/security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const base = { nonce: 'bm9uY2U=', isDevelopment: false, connectOrigins: ['wss://collab.participa.example'] };

describe('content security policy', () => {
  it('allows scripts only with the nonce (and what they load), never inline or eval in production', () => {
    const script = directives(contentSecurityPolicy(base)).get('script-src');
    expect(script).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(contentSecurityPolicy(base)).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it('allows eval and inline style elements in development only, where hot reload needs them', () => {
    const development = directives(contentSecurityPolicy({ ...base, isDevelopment: true }));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    expect(development.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('forbids plugins, framing, foreign form targets and a foreign base', () => {
    const policy = directives(contentSecurityPolicy(base));
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('allows unsafe-inline for style attributes only, never for style elements', () => {
    const policy = directives(contentSecurityPolicy(base));
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });

  it('lets the browser reach the collaboration websocket, wherever it is', () => {
    expect(directives(contentSecurityPolicy(base)).get('connect-src')).toEqual(["'self'", 'wss://collab.participa.example']);
    expect(websocketOrigin(collabPublicUrl({ COLLAB_PUBLIC_URL: 'wss://collab.participa.example/ws/', NEXTAUTH_URL: undefined, PORT: 3000 }))).toBe(
      'wss://collab.participa.example',
    );
    expect(websocketOrigin(collabPublicUrl({ COLLAB_PUBLIC_URL: undefined, NEXTAUTH_URL: 'https://participa.example', PORT: 3000 }))).toBe('wss://participa.example');
  });

  it('gives its nonce back to a page that renders a script of its own', () => {
    expect(nonceFromPolicy(contentSecurityPolicy(base))).toBe('bm9uY2U=');
    expect(nonceFromPolicy("default-src 'self'")).toBeUndefined();
    expect(nonceFromPolicy(null)).toBeUndefined();
  });

  it('makes a different, unguessable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('security headers', () => {
  const headers = (overrides: Partial<Parameters<typeof securityHeaders>[0]> = {}) => securityHeaders({ ...base, pathname: '/', isHttps: false, ...overrides });

  it('deny browser features nobody uses here', () => {
    const permissions = headers()['Permissions-Policy'];
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
  });

  it('send the nonce policy, no sniffing and no framing on every page', () => {
    expect(headers()).toMatchObject({
      'Content-Security-Policy': contentSecurityPolicy(base),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
    });
  });

  it('keep the path and query of private grievance pages out of every Referer', () => {
    for (const path of ['/grievances/filed', '/grievances/follow', '/grievances/follow/GR-2026-0001', '/reset-password', '/verify-email']) expect(referrerPolicyFor(path)).toBe('strict-origin');
    for (const path of ['/grievances/new', '/grievances/filedx', '/']) expect(referrerPolicyFor(path)).toBe('same-origin');
  });

  it('send HSTS only over https', () => {
    expect(headers()).not.toHaveProperty('Strict-Transport-Security');
    expect(headers({ isHttps: true })['Strict-Transport-Security']).toBe('max-age=31536000');
  });
});

describe('served over https', () => {
  it('when the public address is https', () => {
    expect(isServedOverHttps({ siteUrl: 'https://participa.example', forwardedProto: undefined, trustProxy: false })).toBe(true);
    expect(isServedOverHttps({ siteUrl: 'http://localhost:3000', forwardedProto: undefined, trustProxy: false })).toBe(false);
  });

  it('when a trusted proxy says the client came over https, and only then', () => {
    expect(isServedOverHttps({ siteUrl: 'http://localhost:3000', forwardedProto: 'https', trustProxy: true })).toBe(true);
    expect(isServedOverHttps({ siteUrl: 'http://localhost:3000', forwardedProto: 'https, http', trustProxy: true })).toBe(true);
    expect(isServedOverHttps({ siteUrl: 'http://localhost:3000', forwardedProto: 'http', trustProxy: true })).toBe(false);
    expect(isServedOverHttps({ siteUrl: 'http://localhost:3000', forwardedProto: 'https', trustProxy: false })).toBe(false);
  });
});
