// Who filed a case, as a given person may see it. The complainant's identity is personal
// data: the policy (grievance.viewIdentity) decides, and anyone it refuses gets only a
// "confidential" marker, never a partial identity. Pure, so the whole role × case
// matrix is tested directly (tests/unit/grievance-identity.test.ts).
import type { Actor } from '@/lib/auth/actor';
import { isSignedIn } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';

/** What the case stores about its complainant. */
export interface StoredComplainant {
  isConfidential: boolean;
  assignedOfficerId: string | null;
  /** The account that filed it, if any. */
  filer: { name: string; email: string } | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export interface ComplainantContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export type ComplainantIdentity =
  | { kind: 'confidential' }
  /** Both may be null: filed without an account and without contact details. */
  | { kind: 'shown'; account: { name: string; email: string } | null; contact: ComplainantContact | null };

export const CONFIDENTIAL: ComplainantIdentity = { kind: 'confidential' };

export function isAssignedTo(actor: Actor, assignedOfficerId: string | null): boolean {
  return isSignedIn(actor) && assignedOfficerId !== null && assignedOfficerId === actor.id;
}

export function complainantIdentity(actor: Actor, stored: StoredComplainant): ComplainantIdentity {
  const isAssigned = isAssignedTo(actor, stored.assignedOfficerId);
  if (!can(actor, 'grievance.viewIdentity', { isConfidential: stored.isConfidential, isAssigned })) return CONFIDENTIAL;
  const hasContact = stored.contactName !== null || stored.contactEmail !== null || stored.contactPhone !== null;
  return {
    kind: 'shown',
    account: stored.filer ? { name: stored.filer.name, email: stored.filer.email } : null,
    contact: hasContact ? { name: stored.contactName, email: stored.contactEmail, phone: stored.contactPhone } : null,
  };
}
