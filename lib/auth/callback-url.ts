/**
 * Only same-site paths are followed after sign-in, so a link cannot send people
 * elsewhere. Resolving against a placeholder origin catches every trick a browser
 * would honour (`//host`, `/\host`, tabs or newlines inside the scheme).
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  const base = 'http://participa.invalid';
  let resolved: URL;
  try {
    resolved = new URL(value, base);
  } catch {
    return '/';
  }
  if (resolved.origin !== base) return '/';
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
