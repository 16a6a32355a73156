// Where browsers find the collaboration endpoint, and the secret its tokens are signed with.
import type { Environment } from '@/lib/env';
import { collabSigningKey } from './token';

export const COLLAB_PATH_PREFIX = '/collab/';

/** ws(s)://host/collab — the base a y-websocket provider appends the document name to. */
export function collabPublicUrl(environment: Pick<Environment, 'COLLAB_PUBLIC_URL' | 'NEXTAUTH_URL' | 'PORT'>): string {
  if (environment.COLLAB_PUBLIC_URL) return environment.COLLAB_PUBLIC_URL.replace(/\/$/, '');
  const site = new URL(environment.NEXTAUTH_URL ?? `http://localhost:${environment.PORT}`);
  site.protocol = site.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${site.origin}/collab`;
}

/** Origins whose pages may open collaboration sockets: configured, or the site's own. */
export function allowedCollabOrigins(environment: Pick<Environment, 'COLLAB_ALLOWED_ORIGINS' | 'NEXTAUTH_URL' | 'PORT'>): Set<string> {
  if (environment.COLLAB_ALLOWED_ORIGINS) {
    return new Set(environment.COLLAB_ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean));
  }
  const site = new URL(environment.NEXTAUTH_URL ?? `http://localhost:${environment.PORT}`).origin;
  return new Set([site, `http://localhost:${environment.PORT}`, `http://127.0.0.1:${environment.PORT}`]);
}

/** The signing key, from the secret the server entry resolved into the environment. */
export function collabKeyFromEnvironment(): Uint8Array {
  const secret = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (!secret) throw new Error('no session secret: start Participa through server/index.ts or set AUTH_SECRET');
  return collabSigningKey(secret);
}
