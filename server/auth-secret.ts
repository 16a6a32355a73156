// The session-signing secret: from the environment, or for the embedded default
// generated once and kept in the data folder so sessions survive restarts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function resolveAuthSecret({ configured, dataDir, isEmbedded }: { configured?: string; dataDir: string; isEmbedded: boolean }): string {
  if (configured) return configured;
  if (!isEmbedded) {
    throw new Error('AUTH_SECRET (or NEXTAUTH_SECRET) must be set when DATABASE_URL is set: every process needs the same secret.');
  }
  const file = path.resolve(dataDir, 'auth-secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    // not created yet
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
