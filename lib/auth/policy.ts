// Every authorization decision of Participa, in one pure function. Pages, server
// actions, route handlers and (later) the realtime server ask `can` and nothing else;
// tests/unit/policy.test.ts holds the full role × action matrix.
import { AppError } from '@/lib/errors';
import { hasEnded, type ConsultationPhase } from '@/lib/consultations/lifecycle';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import { isReadyToTakePart, isSignedIn, type Actor } from './actor';
import { isStaffRole, type Role } from './roles';

/** The resource each action is asked about; `undefined` when the action has none. */
export interface PolicyResources {
  'initiative.view': { status: InitiativeStatus };
  'initiative.viewDrafts': undefined;
  'initiative.create': undefined;
  'initiative.update': undefined;
  'stakeholderMap.view': { status: InitiativeStatus };
  /** isInvited: the actor belongs to an organization staff invited to edit this map. */
  'stakeholderMap.edit': { status: InitiativeStatus; isInvited: boolean };
  /** Contact details of mapped stakeholders are personal data: staff only. */
  'stakeholderMap.viewContacts': undefined;
  'stakeholderMap.editContacts': { status: InitiativeStatus };
  /** Choose which organizations may edit an initiative's map. */
  'stakeholderMap.invite': undefined;
  /** Who changed the map when names the editors: for those who edit it. */
  'stakeholderMap.viewHistory': { isInvited: boolean };
  'admin.access': undefined;
  'user.list': undefined;
  'user.changeRole': { userId: string };
  /** Erase another person's account on their request (a person deletes their own through 'account.manageOwn'). */
  'user.delete': { userId: string };
  /** One's own profile, personal-data export and deletion. */
  'account.manageOwn': undefined;
  /** Publish a new version of the privacy notice or the terms. */
  'legal.publish': undefined;
  /** Read the audit log of role changes, deletions, exports and confidential-case access. */
  'audit.view': undefined;
  'organization.viewUnverified': undefined;
  'organization.create': undefined;
  'organization.verify': undefined;
  'organization.manageMembers': undefined;
  /** isPublic: from lib/consultations/lifecycle.ts isPublic(). */
  'consultation.view': { isPublic: boolean };
  /** Create, edit, move through its statuses, upload documents. */
  'consultation.manage': undefined;
  'input.submit': { phase: ConsultationPhase };
  /** isMember: of a verified organization the input names. */
  'input.submitForOrganization': { phase: ConsultationPhase; isMember: boolean };
  'input.reply': { phase: ConsultationPhase };
  'input.support': { phase: ConsultationPhase; isAuthor: boolean };
  'input.report': { isAuthor: boolean };
  /** Input received on paper, by phone or at a meeting, typed in by staff. */
  'input.recordAssisted': { phase: ConsultationPhase };
  'input.moderate': undefined;
  /** Pending or hidden input (and why it was hidden). */
  'input.viewUnpublished': { isAuthor: boolean };
  'notification.read': undefined;
  /** Prepare decisions, attach their documents, publish them. */
  'decision.manage': undefined;
  /** A draft decision is for staff; a published one is public. */
  'decision.view': { isPublished: boolean };
  /** Answer inputs and themes, group inputs into themes: once input has stopped. */
  'response.record': { phase: ConsultationPhase };
  /** A person's own inputs, with what became of them. */
  'participation.view': undefined;
  /** Anyone may file a grievance, with or without an account. */
  'grievance.file': undefined;
  /** Type in a grievance received on paper, by phone, by e-mail or in person. */
  'grievance.recordOffline': undefined;
  /** See the cases, take the city's steps, answer complainants, see overdue cases. */
  'grievance.handle': undefined;
  /** Set up channels and their published deadlines and procedure. */
  'grievance.manageChannels': undefined;
  /** Who filed the case and how to reach them. isAssigned: the case is assigned to the asker. */
  'grievance.viewIdentity': { isConfidential: boolean; isAssigned: boolean };
  /** List and download a case's files: in a confidential case they may name the complainant. */
  'grievance.viewAttachments': { isConfidential: boolean; isAssigned: boolean };
  /** Hear an appeal: never the officer whose handling is appealed. */
  'grievance.decideAppeal': { isAssigned: boolean };
  /** Follow a case as its complainant: with its access key, or as the account that filed it. */
  'grievance.follow': { holdsAccessKey: boolean; isFiler: boolean };
}

export type PolicyAction = keyof PolicyResources;

type ResourceArgument<A extends PolicyAction> = PolicyResources[A] extends undefined ? [] : [PolicyResources[A]];

const isAdmin = (role: Role) => role === 'admin';
/** Grievances are handled apart from consultations: by grievance officers, and administrators. */
const handlesGrievances = (role: Role) => role === 'grievance_officer' || role === 'admin';
/** People who take part in consultations in their own name (staff record assisted input instead). */
const isParticipant = (role: Role) => role === 'resident' || role === 'organization_member';
/** An invitation goes to organizations, so it counts for their members only. */
const isMapEditor = (role: Role, isInvited: boolean) => isStaffRole(role) || (role === 'organization_member' && isInvited);
const isMapEditable = (status: InitiativeStatus) => status === 'draft' || status === 'active';

export function can<A extends PolicyAction>(actor: Actor, action: A, ...resource: ResourceArgument<A>): boolean {
  const target = resource[0] as PolicyResources[PolicyAction];
  const role = isSignedIn(actor) ? actor.role : undefined;

  switch (action) {
    case 'initiative.view': {
      const { status } = target as PolicyResources['initiative.view'];
      return status !== 'draft' || (role !== undefined && isStaffRole(role));
    }
    case 'stakeholderMap.view': {
      // Anyone who can see the initiative can follow its map; opening the live
      // document needs an account (the token endpoint is for signed-in users).
      const { status } = target as PolicyResources['stakeholderMap.view'];
      return status !== 'draft' || (role !== undefined && isStaffRole(role));
    }
    case 'stakeholderMap.edit': {
      // Municipality staff edit while the initiative is a draft or active; members of
      // invited organizations once it is active (a draft is not public yet). A finished
      // or archived initiative's map is a record.
      const { status, isInvited } = target as PolicyResources['stakeholderMap.edit'];
      if (role === undefined || !isMapEditable(status)) return false;
      return isStaffRole(role) || (role === 'organization_member' && isInvited && status === 'active');
    }
    case 'stakeholderMap.editContacts': {
      const { status } = target as PolicyResources['stakeholderMap.editContacts'];
      return role !== undefined && isStaffRole(role) && isMapEditable(status);
    }
    case 'stakeholderMap.viewHistory': {
      const { isInvited } = target as PolicyResources['stakeholderMap.viewHistory'];
      return role !== undefined && isMapEditor(role, isInvited);
    }
    case 'stakeholderMap.viewContacts':
    case 'stakeholderMap.invite':
      return role !== undefined && isStaffRole(role);
    case 'initiative.viewDrafts':
    case 'initiative.create':
    case 'initiative.update':
      return role !== undefined && isStaffRole(role);
    case 'admin.access':
    case 'user.list':
    case 'organization.viewUnverified':
    case 'organization.create':
    case 'organization.verify':
    case 'organization.manageMembers':
      return role !== undefined && isAdmin(role);
    case 'user.delete': {
      // Not oneself from the administration pages: one's own account is deleted from the account page.
      const { userId } = target as PolicyResources['user.delete'];
      return role !== undefined && isAdmin(role) && isSignedIn(actor) && actor.id !== userId;
    }
    case 'account.manageOwn':
      return role !== undefined;
    case 'legal.publish':
    case 'audit.view':
      return role !== undefined && isAdmin(role);
    case 'user.changeRole': {
      // Administrators cannot change their own role: the last one could lock everyone out.
      const { userId } = target as PolicyResources['user.changeRole'];
      return role !== undefined && isAdmin(role) && isSignedIn(actor) && actor.id !== userId;
    }
    case 'consultation.view': {
      const { isPublic } = target as PolicyResources['consultation.view'];
      return isPublic || (role !== undefined && isStaffRole(role));
    }
    case 'consultation.manage':
    case 'input.moderate':
      return role !== undefined && isStaffRole(role);
    case 'input.submit': {
      const { phase } = target as PolicyResources['input.submit'];
      return role !== undefined && isParticipant(role) && phase === 'open' && isReadyToTakePart(actor);
    }
    case 'input.submitForOrganization': {
      const { phase, isMember } = target as PolicyResources['input.submitForOrganization'];
      return role === 'organization_member' && isMember && phase === 'open' && isReadyToTakePart(actor);
    }
    case 'input.reply': {
      // The dialogue includes the city: staff answer questions in the thread.
      const { phase } = target as PolicyResources['input.reply'];
      return role !== undefined && phase === 'open' && isReadyToTakePart(actor);
    }
    case 'input.support': {
      const { phase, isAuthor } = target as PolicyResources['input.support'];
      return role !== undefined && isParticipant(role) && phase === 'open' && !isAuthor && isReadyToTakePart(actor);
    }
    case 'input.report': {
      const { isAuthor } = target as PolicyResources['input.report'];
      return role !== undefined && !isAuthor && isReadyToTakePart(actor);
    }
    case 'input.recordAssisted': {
      const { phase } = target as PolicyResources['input.recordAssisted'];
      return role !== undefined && isStaffRole(role) && phase === 'open';
    }
    case 'input.viewUnpublished': {
      const { isAuthor } = target as PolicyResources['input.viewUnpublished'];
      return role !== undefined && (isAuthor || isStaffRole(role));
    }
    case 'notification.read':
    case 'participation.view':
      return role !== undefined;
    case 'decision.manage':
      return role !== undefined && isStaffRole(role);
    case 'decision.view': {
      const { isPublished } = target as PolicyResources['decision.view'];
      return isPublished || (role !== undefined && isStaffRole(role));
    }
    case 'response.record': {
      // Answers weigh everything that was said, so they come after input has stopped.
      const { phase } = target as PolicyResources['response.record'];
      return role !== undefined && isStaffRole(role) && hasEnded(phase);
    }
    case 'grievance.file':
      return true;
    case 'grievance.recordOffline':
    case 'grievance.handle':
    case 'grievance.manageChannels':
      return role !== undefined && handlesGrievances(role);
    case 'grievance.viewIdentity':
    case 'grievance.viewAttachments': {
      // A confidential complainant is known to the officer handling the case and to
      // administrators; to everyone else (other officers included) they stay confidential.
      // The case's files (a letter, a photo, a signed form) may name them just as well.
      const { isConfidential, isAssigned } = target as PolicyResources['grievance.viewIdentity'];
      if (role === 'admin') return true;
      return role === 'grievance_officer' && (!isConfidential || isAssigned);
    }
    case 'grievance.decideAppeal': {
      const { isAssigned } = target as PolicyResources['grievance.decideAppeal'];
      return role !== undefined && handlesGrievances(role) && !isAssigned;
    }
    case 'grievance.follow': {
      const { holdsAccessKey, isFiler } = target as PolicyResources['grievance.follow'];
      return holdsAccessKey || (role !== undefined && isFiler);
    }
    default: {
      const unknownAction: never = action as never;
      throw new Error(`No policy for ${String(unknownAction)}`);
    }
  }
}

/** Like `can`, but throws the error a person should see: sign in, or not allowed. */
export function authorize<A extends PolicyAction>(actor: Actor, action: A, ...resource: ResourceArgument<A>): void {
  if (can(actor, action, ...resource)) return;
  throw new AppError(isSignedIn(actor) ? 'forbidden' : 'unauthenticated', { detail: `denied ${action}` });
}
