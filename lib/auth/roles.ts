// Platform roles. Municipality staff who moderate consultations are `moderator`;
// `admin` manages accounts and organizations as well. Grievances are handled by
// `grievance_officer`, a role apart from consultation staff so that complaints about a
// consultation are not judged by the people who ran it.
export const ROLES = ['resident', 'organization_member', 'moderator', 'admin', 'grievance_officer'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['moderator', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
