// The full role × action matrix of lib/auth/policy.ts. A new action without a row
// here fails the completeness check below.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type PendingAccountStep } from '@/lib/auth/actor';
import { authorize, can, type PolicyAction, type PolicyResources } from '@/lib/auth/policy';
import { ROLES, type Role } from '@/lib/auth/roles';
import type { ConsultationPhase } from '@/lib/consultations/lifecycle';
import { INITIATIVE_STATUSES } from '@/lib/initiatives/status';

type Subject = 'anonymous' | Role;
const SUBJECTS: Subject[] = ['anonymous', ...ROLES];

const SELF_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';

function actorFor(subject: Subject): Actor {
  return subject === 'anonymous' ? ANONYMOUS : { kind: 'user', id: SELF_ID, name: subject, role: subject };
}

/** Each case: an action, the resource it is asked about, and who is allowed. */
interface Case<A extends PolicyAction = PolicyAction> {
  action: A;
  label: string;
  resource: PolicyResources[A];
  allowed: Subject[];
}

const everyone: Subject[] = SUBJECTS;
const staff: Subject[] = ['moderator', 'admin'];
const admins: Subject[] = ['admin'];
const signedIn: Subject[] = ['resident', 'organization_member', 'moderator', 'admin', 'grievance_officer'];
const grievanceHandlers: Subject[] = ['grievance_officer', 'admin'];
const participants: Subject[] = ['resident', 'organization_member'];
const PHASES: ConsultationPhase[] = ['draft', 'scheduled', 'information', 'open', 'closed', 'decided'];

/** One case per consultation phase: `allowed` while open, nobody otherwise. */
function whileOpen<A extends 'input.submit' | 'input.reply' | 'input.recordAssisted'>(action: A, allowed: Subject[]): Case[] {
  return PHASES.map((phase) => ({ action, label: `${phase} consultation`, resource: { phase }, allowed: phase === 'open' ? allowed : [] }));
}

const CASES: Case[] = [
  ...INITIATIVE_STATUSES.map(
    (status): Case<'initiative.view'> => ({
      action: 'initiative.view',
      label: `a ${status} initiative`,
      resource: { status },
      allowed: status === 'draft' ? staff : everyone,
    }),
  ),
  ...INITIATIVE_STATUSES.map(
    (status): Case<'stakeholderMap.view'> => ({
      action: 'stakeholderMap.view',
      label: `of a ${status} initiative`,
      resource: { status },
      allowed: status === 'draft' ? staff : everyone,
    }),
  ),
  ...INITIATIVE_STATUSES.flatMap((status): Case<'stakeholderMap.edit'>[] =>
    [false, true].map((isInvited) => ({
      action: 'stakeholderMap.edit',
      label: `of a ${status} initiative, ${isInvited ? 'invited' : 'not invited'}`,
      resource: { status, isInvited },
      allowed: status === 'draft' ? staff : status === 'active' ? (isInvited ? [...staff, 'organization_member'] : staff) : [],
    })),
  ),
  ...INITIATIVE_STATUSES.map(
    (status): Case<'stakeholderMap.editContacts'> => ({
      action: 'stakeholderMap.editContacts',
      label: `of a ${status} initiative`,
      resource: { status },
      allowed: status === 'draft' || status === 'active' ? staff : [],
    }),
  ),
  { action: 'stakeholderMap.viewContacts', label: '', resource: undefined, allowed: staff },
  { action: 'stakeholderMap.invite', label: '', resource: undefined, allowed: staff },
  { action: 'stakeholderMap.viewHistory', label: 'invited', resource: { isInvited: true }, allowed: [...staff, 'organization_member'] },
  { action: 'stakeholderMap.viewHistory', label: 'not invited', resource: { isInvited: false }, allowed: staff },
  { action: 'initiative.viewDrafts', label: '', resource: undefined, allowed: staff },
  { action: 'initiative.create', label: '', resource: undefined, allowed: staff },
  { action: 'initiative.update', label: '', resource: undefined, allowed: staff },
  { action: 'admin.access', label: '', resource: undefined, allowed: admins },
  { action: 'user.list', label: '', resource: undefined, allowed: admins },
  { action: 'user.changeRole', label: "another account's", resource: { userId: OTHER_ID }, allowed: admins },
  { action: 'user.changeRole', label: 'their own', resource: { userId: SELF_ID }, allowed: [] },
  { action: 'user.delete', label: "another account's", resource: { userId: OTHER_ID }, allowed: admins },
  { action: 'user.delete', label: 'their own, from the administration pages', resource: { userId: SELF_ID }, allowed: [] },
  { action: 'account.manageOwn', label: '', resource: undefined, allowed: signedIn },
  { action: 'legal.publish', label: '', resource: undefined, allowed: admins },
  { action: 'audit.view', label: '', resource: undefined, allowed: admins },
  { action: 'organization.viewUnverified', label: '', resource: undefined, allowed: admins },
  { action: 'organization.create', label: '', resource: undefined, allowed: admins },
  { action: 'organization.verify', label: '', resource: undefined, allowed: admins },
  { action: 'organization.manageMembers', label: '', resource: undefined, allowed: admins },
  { action: 'consultation.view', label: 'public', resource: { isPublic: true }, allowed: everyone },
  { action: 'consultation.view', label: 'draft or scheduled', resource: { isPublic: false }, allowed: staff },
  { action: 'consultation.manage', label: '', resource: undefined, allowed: staff },
  ...whileOpen('input.submit', participants),
  ...whileOpen('input.reply', signedIn),
  ...whileOpen('input.recordAssisted', staff),
  ...PHASES.flatMap((phase): Case[] => [
    { action: 'input.submitForOrganization', label: `member, ${phase}`, resource: { phase, isMember: true }, allowed: phase === 'open' ? ['organization_member'] : [] },
    { action: 'input.submitForOrganization', label: `not a member, ${phase}`, resource: { phase, isMember: false }, allowed: [] },
    { action: 'input.support', label: `someone else's, ${phase}`, resource: { phase, isAuthor: false }, allowed: phase === 'open' ? participants : [] },
    { action: 'input.support', label: `their own, ${phase}`, resource: { phase, isAuthor: true }, allowed: [] },
  ]),
  { action: 'input.report', label: "someone else's", resource: { isAuthor: false }, allowed: signedIn },
  { action: 'input.report', label: 'their own', resource: { isAuthor: true }, allowed: [] },
  { action: 'input.moderate', label: '', resource: undefined, allowed: staff },
  { action: 'input.viewUnpublished', label: 'their own', resource: { isAuthor: true }, allowed: signedIn },
  { action: 'input.viewUnpublished', label: "someone else's", resource: { isAuthor: false }, allowed: staff },
  { action: 'notification.read', label: '', resource: undefined, allowed: signedIn },
  { action: 'participation.view', label: '', resource: undefined, allowed: signedIn },
  { action: 'decision.manage', label: '', resource: undefined, allowed: staff },
  { action: 'decision.view', label: 'published', resource: { isPublished: true }, allowed: everyone },
  { action: 'decision.view', label: 'draft', resource: { isPublished: false }, allowed: staff },
  ...PHASES.map((phase): Case<'response.record'> => ({
    action: 'response.record',
    label: `${phase} consultation`,
    resource: { phase },
    allowed: phase === 'closed' || phase === 'decided' ? staff : [],
  })),
  { action: 'grievance.file', label: '', resource: undefined, allowed: everyone },
  { action: 'grievance.recordOffline', label: '', resource: undefined, allowed: grievanceHandlers },
  { action: 'grievance.handle', label: '', resource: undefined, allowed: grievanceHandlers },
  { action: 'grievance.manageChannels', label: '', resource: undefined, allowed: grievanceHandlers },
  { action: 'grievance.viewIdentity', label: 'open case, assigned', resource: { isConfidential: false, isAssigned: true }, allowed: grievanceHandlers },
  { action: 'grievance.viewIdentity', label: 'open case, not assigned', resource: { isConfidential: false, isAssigned: false }, allowed: grievanceHandlers },
  { action: 'grievance.viewIdentity', label: 'confidential case, assigned', resource: { isConfidential: true, isAssigned: true }, allowed: grievanceHandlers },
  { action: 'grievance.viewIdentity', label: 'confidential case, not assigned', resource: { isConfidential: true, isAssigned: false }, allowed: admins },
  { action: 'grievance.viewAttachments', label: 'open case, assigned', resource: { isConfidential: false, isAssigned: true }, allowed: grievanceHandlers },
  { action: 'grievance.viewAttachments', label: 'open case, not assigned', resource: { isConfidential: false, isAssigned: false }, allowed: grievanceHandlers },
  { action: 'grievance.viewAttachments', label: 'confidential case, assigned', resource: { isConfidential: true, isAssigned: true }, allowed: grievanceHandlers },
  { action: 'grievance.viewAttachments', label: 'confidential case, not assigned', resource: { isConfidential: true, isAssigned: false }, allowed: admins },
  { action: 'grievance.decideAppeal', label: 'a case assigned to someone else', resource: { isAssigned: false }, allowed: grievanceHandlers },
  { action: 'grievance.decideAppeal', label: 'a case assigned to them', resource: { isAssigned: true }, allowed: [] },
  { action: 'grievance.follow', label: 'with the access key', resource: { holdsAccessKey: true, isFiler: false }, allowed: everyone },
  { action: 'grievance.follow', label: 'as the account that filed it', resource: { holdsAccessKey: false, isFiler: true }, allowed: signedIn },
  { action: 'grievance.follow', label: 'without key, not the filer', resource: { holdsAccessKey: false, isFiler: false }, allowed: [] },
];

const ask = (subject: Subject, { action, resource }: Case) =>
  (can as (actor: Actor, action: PolicyAction, ...resource: unknown[]) => boolean)(actorFor(subject), action, ...(resource === undefined ? [] : [resource]));

describe('policy matrix', () => {
  for (const testCase of CASES) {
    for (const subject of SUBJECTS) {
      const isAllowed = testCase.allowed.includes(subject);
      it(`${subject} ${isAllowed ? 'may' : 'may not'} ${testCase.action}${testCase.label ? ` (${testCase.label})` : ''}`, () => {
        expect(ask(subject, testCase)).toBe(isAllowed);
      });
    }
  }

  it('covers every action the policy knows', () => {
    const actions: Record<PolicyAction, true> = {
      'initiative.view': true,
      'initiative.viewDrafts': true,
      'initiative.create': true,
      'initiative.update': true,
      'stakeholderMap.view': true,
      'stakeholderMap.edit': true,
      'stakeholderMap.editContacts': true,
      'stakeholderMap.viewContacts': true,
      'stakeholderMap.invite': true,
      'stakeholderMap.viewHistory': true,
      'admin.access': true,
      'user.list': true,
      'user.changeRole': true,
      'user.delete': true,
      'account.manageOwn': true,
      'legal.publish': true,
      'audit.view': true,
      'organization.viewUnverified': true,
      'organization.create': true,
      'organization.verify': true,
      'organization.manageMembers': true,
      'consultation.view': true,
      'consultation.manage': true,
      'input.submit': true,
      'input.submitForOrganization': true,
      'input.reply': true,
      'input.support': true,
      'input.report': true,
      'input.recordAssisted': true,
      'input.moderate': true,
      'input.viewUnpublished': true,
      'notification.read': true,
      'participation.view': true,
      'decision.manage': true,
      'decision.view': true,
      'response.record': true,
      'grievance.file': true,
      'grievance.recordOffline': true,
      'grievance.handle': true,
      'grievance.manageChannels': true,
      'grievance.viewIdentity': true,
      'grievance.viewAttachments': true,
      'grievance.decideAppeal': true,
      'grievance.follow': true,
    };
    expect(new Set(CASES.map((testCase) => testCase.action))).toEqual(new Set(Object.keys(actions)));
  });
});

describe('a person with steps outstanding (e-mail to confirm, terms to agree to)', () => {
  const pendingSteps: PendingAccountStep[][] = [['verify_email'], ['accept_terms'], ['verify_email', 'accept_terms']];
  const resident = (pending: PendingAccountStep[]): Actor => ({ kind: 'user', id: SELF_ID, name: 'Rosa', role: 'resident', pending });
  const member = (pending: PendingAccountStep[]): Actor => ({ kind: 'user', id: SELF_ID, name: 'Nia', role: 'organization_member', pending });

  for (const pending of pendingSteps) {
    it(`may read but not contribute while ${pending.join(' and ')} is outstanding`, () => {
      expect(can(resident(pending), 'consultation.view', { isPublic: true })).toBe(true);
      expect(can(resident(pending), 'participation.view')).toBe(true);
      expect(can(resident(pending), 'account.manageOwn')).toBe(true);
      expect(can(resident(pending), 'grievance.file')).toBe(true);
      expect(can(resident(pending), 'input.submit', { phase: 'open' })).toBe(false);
      expect(can(resident(pending), 'input.reply', { phase: 'open' })).toBe(false);
      expect(can(resident(pending), 'input.support', { phase: 'open', isAuthor: false })).toBe(false);
      expect(can(resident(pending), 'input.report', { isAuthor: false })).toBe(false);
      expect(can(member(pending), 'input.submitForOrganization', { phase: 'open', isMember: true })).toBe(false);
    });
  }

  it('contributes again once nothing is outstanding', () => {
    expect(can(resident([]), 'input.submit', { phase: 'open' })).toBe(true);
    expect(can(resident([]), 'input.support', { phase: 'open', isAuthor: false })).toBe(true);
  });
});

describe('authorize', () => {
  it('asks anonymous visitors to sign in and tells signed-in people they may not', () => {
    expect(() => authorize(ANONYMOUS, 'user.list')).toThrow(expect.objectContaining({ code: 'unauthenticated', status: 401 }));
    expect(() => authorize(actorFor('resident'), 'user.list')).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    expect(() => authorize(actorFor('admin'), 'user.list')).not.toThrow();
  });
});
