// Platform roles. Municipality staff who moderate consultations are `moderator`;
// `admin` manages accounts and organizations as well.
export const ROLES = ['resident', 'organization_member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['moderator', 'admin'];

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
