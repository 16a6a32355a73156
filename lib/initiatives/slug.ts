/** A readable address part from a title: lower-case ASCII words joined by hyphens. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'initiative';
}

/** Addresses under /initiatives/ that pages already use. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);
