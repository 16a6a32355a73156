// The security headers of every response, built in one place. server/index.ts makes a
// fresh nonce per request, puts the policy on the request too (Next.js reads the nonce
// from the request's Content-Security-Policy header and stamps it on every script it
// renders) and sets these headers on the response before Next.js answers.
import { randomBytes } from 'node:crypto';

/** 128 random bits, as CSP Level 3 recommends for a nonce; base64 is a valid nonce-source. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Browser features Participa never uses (only names Chromium knows: an unknown one is
 * reported as an error on every page). Denying them means a script that slipped in
 * (or a page framing ours, if frame-ancestors were ever loosened) cannot ask for them.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** One year: long enough to count (browsers and preload lists expect at least that), and it renews on every visit. */
export const HSTS_VALUE = 'max-age=31536000';

export interface ContentSecurityPolicyOptions {
  nonce: string;
  /** `next dev` evaluates modules with eval() for hot reload; a production build never does. */
  isDevelopment: boolean;
  /** Origins the browser may connect to besides its own: the collaboration websocket's. */
  connectOrigins: readonly string[];
}

export function contentSecurityPolicy({ nonce, isDevelopment, connectOrigins }: ContentSecurityPolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic': the scripts Next.js renders carry the nonce, and the chunks they
    // load later are trusted through them; 'self' only serves browsers without CSP 3.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
    // Style sheets are our own files (Tailwind's build, React Flow's style.css), and
    // <style> elements need the nonce. Style *attributes* cannot carry a nonce, and
    // React renders dynamic positions and colours as style attributes (plan pins, map
    // categories, collaborators' cursors, React Flow's node transforms), so they are
    // allowed here alone. CSS cannot run script; the worst an injected attribute does
    // is move something on the page.
    // In development Next.js's error overlay and hot reload insert <style> elements of
    // their own, not all with the nonce.
    'style-src': ["'self'", isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    // data: for small inline images (React Flow's controls, CSS), blob: for previews of a chosen file.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // 'self' covers ws: and wss: of the site itself in CSP 3; the collaboration endpoint
    // may live elsewhere (COLLAB_PUBLIC_URL), so its origin is named too.
    'connect-src': ["'self'", ...new Set(connectOrigins)],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The nonce of a policy's script-src, for a page that renders a script of its own (as Next.js reads it). */
export function nonceFromPolicy(policy: string | null | undefined): string | undefined {
  const scriptSources = policy?.split(';').find((directive) => directive.trim().startsWith('script-src '));
  return scriptSources?.match(/'nonce-([A-Za-z0-9+/_-]+={0,2})'/)?.[1];
}

/**
 * Zod probes whether it may compile validators with `new Function` the first time it
 * parses in the browser; the policy refuses that (no 'unsafe-eval'), and although zod
 * catches the refusal and validates without compiling, the browser reports a violation.
 * Zod reads this global setting before probing: set by the first script of every page.
 */
export const ZOD_JITLESS_SCRIPT = 'globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});';

/** The origin (scheme://host[:port]) of the collaboration websocket, to name in connect-src. */
export function websocketOrigin(collabUrl: string): string {
  const url = new URL(collabUrl);
  return `${url.protocol}//${url.host}`;
}

/**
 * Whether the browser reached us over https: the public address says so, or a proxy we
 * trust (TRUST_PROXY) says the client's connection to it was https. Without TRUST_PROXY
 * anybody could send X-Forwarded-Proto, so it counts for nothing.
 */
export function isServedOverHttps({
  siteUrl,
  forwardedProto,
  trustProxy,
}: {
  siteUrl: string | undefined;
  forwardedProto: string | string[] | undefined;
  trustProxy: boolean;
}): boolean {
  if (siteUrl?.startsWith('https:')) return true;
  if (!trustProxy || forwardedProto === undefined) return false;
  // A chain of proxies lists one protocol each; the first is the client's own connection.
  const first = (Array.isArray(forwardedProto) ? forwardedProto.join(',') : forwardedProto).split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * Referrer-Policy by path. A grievance's access key can be in the receipt's private link
 * and a case's reference is in these addresses, and the single-use token of a password
 * reset or an e-mail confirmation in theirs: no request made from these pages may
 * carry the path or query in its Referer, not even to our own server (a proxy logs it).
 * Not "no-referrer": with it browsers send `Origin: null` on form posts (Fetch standard,
 * "append a request Origin header"), and Next.js refuses such a server action as
 * cross-site, so the forms would fail without JavaScript.
 */
export function referrerPolicyFor(pathname: string): string {
  const isPrivatePath =
    pathname === '/grievances/filed' ||
    pathname === '/grievances/follow' ||
    pathname.startsWith('/grievances/follow/') ||
    pathname === '/reset-password' ||
    pathname === '/verify-email';
  return isPrivatePath ? 'strict-origin' : 'same-origin';
}

export interface SecurityHeaderOptions extends ContentSecurityPolicyOptions {
  pathname: string;
  isHttps: boolean;
}

/** Every security header of one response. */
export function securityHeaders({ pathname, isHttps, ...policy }: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(policy),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Referrer-Policy': referrerPolicyFor(pathname),
    'X-Content-Type-Options': 'nosniff',
    // frame-ancestors says the same to browsers that know CSP 2; this is for the rest.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(isHttps ? { 'Strict-Transport-Security': HSTS_VALUE } : {}),
  };
}
