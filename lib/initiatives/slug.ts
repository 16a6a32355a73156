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

/** Whether a string can be a slug at all; anything else is not looked up. */
export function isWellFormedSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 80;
}

/** Addresses under /initiatives/ that pages already use. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new']);
