// Who sees a complainant's identity: every role, on confidential and ordinary cases,
// assigned to the asker or not. Only administrators and grievance officers ever see
// it, and a confidential one only the assigned officer and administrators.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { ROLES, type Role } from '@/lib/auth/roles';
import { complainantIdentity, type StoredComplainant } from '@/lib/grievances/identity';

const ASKER_ID = '00000000-0000-4000-8000-000000000001';
const OTHER_OFFICER_ID = '00000000-0000-4000-8000-000000000002';

const asker = (role: Role): Actor => ({ kind: 'user', id: ASKER_ID, name: 'Asker', role });

function storedCase({ isConfidential, assignedOfficerId }: { isConfidential: boolean; assignedOfficerId: string | null }): StoredComplainant {
  return {
    isConfidential,
    assignedOfficerId,
    filer: { name: 'Rosa Resident', email: 'rosa@example.org' },
    contactName: 'Rosa R.',
    contactEmail: null,
    contactPhone: '+34 600 000 000',
  };
}

const shown = {
  kind: 'shown',
  account: { name: 'Rosa Resident', email: 'rosa@example.org' },
  contact: { name: 'Rosa R.', email: null, phone: '+34 600 000 000' },
};

/** role → [ordinary unassigned, ordinary assigned to asker, confidential unassigned, confidential assigned to asker] */
const EXPECTED: Record<Role, [boolean, boolean, boolean, boolean]> = {
  resident: [false, false, false, false],
  organization_member: [false, false, false, false],
  moderator: [false, false, false, false],
  grievance_officer: [true, true, false, true],
  admin: [true, true, true, true],
};

const CASES = [
  { label: 'an ordinary case assigned to someone else', isConfidential: false, assignedOfficerId: OTHER_OFFICER_ID },
  { label: 'an ordinary case assigned to the asker', isConfidential: false, assignedOfficerId: ASKER_ID },
  { label: 'a confidential case assigned to someone else', isConfidential: true, assignedOfficerId: OTHER_OFFICER_ID },
  { label: 'a confidential case assigned to the asker', isConfidential: true, assignedOfficerId: ASKER_ID },
] as const;

describe('complainant identity', () => {
  it('covers every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    CASES.forEach((which, index) => {
      const isVisible = EXPECTED[role][index]!;
      it(`${isVisible ? 'shows' : 'hides'} the identity to a ${role} on ${which.label}`, () => {
        const identity = complainantIdentity(asker(role), storedCase(which));
        expect(identity).toEqual(isVisible ? shown : { kind: 'confidential' });
      });
    });
  }

  it('hides it from anonymous visitors, even on an ordinary case', () => {
    expect(complainantIdentity(ANONYMOUS, storedCase({ isConfidential: false, assignedOfficerId: null }))).toEqual({ kind: 'confidential' });
  });

  it('hides a confidential unassigned case from every officer, and shows it to administrators', () => {
    const unassigned = storedCase({ isConfidential: true, assignedOfficerId: null });
    expect(complainantIdentity(asker('grievance_officer'), unassigned)).toEqual({ kind: 'confidential' });
    expect(complainantIdentity(asker('admin'), unassigned)).toEqual(shown);
  });

  it('says when there is nothing to show: no account and no contact details', () => {
    const anonymousFiling: StoredComplainant = { isConfidential: false, assignedOfficerId: null, filer: null, contactName: null, contactEmail: null, contactPhone: null };
    expect(complainantIdentity(asker('admin'), anonymousFiling)).toEqual({ kind: 'shown', account: null, contact: null });
  });

  it('shows contact details given without an account', () => {
    const byPhone: StoredComplainant = { isConfidential: false, assignedOfficerId: null, filer: null, contactName: null, contactEmail: 'x@example.org', contactPhone: null };
    expect(complainantIdentity(asker('grievance_officer'), byPhone)).toEqual({ kind: 'shown', account: null, contact: { name: null, email: 'x@example.org', phone: null } });
  });
});
