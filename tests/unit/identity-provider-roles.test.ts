import { describe, expect, it } from 'vitest';
import { claimValues, parseRoleMap, roleFromClaim } from '@/lib/auth/identity-provider-roles';
import { parseEnvironment } from '@/lib/env';

describe('roles from the identity provider', () => {
  const map = parseRoleMap('city-admins=admin, participation-office=moderator,complaints=grievance_officer')!;

  it('reads the configured map in order', () => {
    expect(map).toEqual([
      { claimValue: 'city-admins', role: 'admin' },
      { claimValue: 'participation-office', role: 'moderator' },
      { claimValue: 'complaints', role: 'grievance_officer' },
    ]);
    expect(parseRoleMap(undefined)).toEqual([]);
    expect(parseRoleMap('')).toEqual([]);
  });

  it('refuses a map it cannot read', () => {
    for (const text of ['city-admins', '=admin', 'city-admins=overlord', 'a=admin,,b=moderator']) expect(parseRoleMap(text), text).toBeNull();
    expect(() => parseEnvironment({ OIDC_ROLE_MAP: 'city-admins=overlord' })).toThrow(/OIDC_ROLE_MAP/);
    expect(() => parseEnvironment({ OIDC_ISSUER: 'https://id.city.example' })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
  });

  it('gives the first matching role, whatever shape the claim has, and the default otherwise', () => {
    expect(roleFromClaim(['staff', 'participation-office', 'city-admins'], map, 'resident')).toBe('admin');
    expect(roleFromClaim('complaints', map, 'resident')).toBe('grievance_officer');
    expect(roleFromClaim('staff participation-office', map, 'resident')).toBe('moderator');
    expect(roleFromClaim(undefined, map, 'resident')).toBe('resident');
    expect(roleFromClaim([42, { role: 'admin' }], map, 'organization_member')).toBe('organization_member');
    expect(claimValues('a, b c')).toEqual(['a', 'b', 'c']);
  });
});
