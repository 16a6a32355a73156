// Which Participa role a person signing in through the city's identity provider gets,
// from a claim of theirs (their groups, say) and the map the city configures in
// OIDC_ROLE_MAP ("city-admins=admin,participation-office=moderator"): the first entry
// whose claim value the person has wins; with none, OIDC_DEFAULT_ROLE.
import { isRole, type Role } from './roles';

export type RoleMap = ReadonlyArray<{ claimValue: string; role: Role }>;

/** The configured map, [] when absent, null when it cannot be read (the environment check reports it). */
export function parseRoleMap(text: string | undefined): RoleMap | null {
  if (text === undefined || text.trim() === '') return [];
  const entries: Array<{ claimValue: string; role: Role }> = [];
  for (const part of text.split(',')) {
    const separator = part.lastIndexOf('=');
    const claimValue = part.slice(0, separator).trim();
    const role = part.slice(separator + 1).trim();
    if (separator <= 0 || claimValue === '' || !isRole(role)) return null;
    entries.push({ claimValue, role });
  }
  return entries;
}

/** The claim's values as a list: providers send a list, a single string, or a space-separated string. */
export function claimValues(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((value): value is string => typeof value === 'string');
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

export function roleFromClaim(claim: unknown, map: RoleMap, defaultRole: Role): Role {
  const values = new Set(claimValues(claim));
  return map.find((entry) => values.has(entry.claimValue))?.role ?? defaultRole;
}
