// Every authorization decision of Participa, in one pure function. Pages, server
// actions, route handlers and (later) the realtime server ask `can` and nothing else;
// tests/unit/policy.test.ts holds the full role × action matrix.
import { AppError } from '@/lib/errors';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import { isSignedIn, type Actor } from './actor';
import { isStaffRole, type Role } from './roles';

/** The resource each action is asked about; `undefined` when the action has none. */
export interface PolicyResources {
  'initiative.view': { status: InitiativeStatus };
  'initiative.viewDrafts': undefined;
  'initiative.create': undefined;
  'initiative.update': undefined;
  'stakeholderMap.view': { status: InitiativeStatus };
  'stakeholderMap.edit': { status: InitiativeStatus };
  'admin.access': undefined;
  'user.list': undefined;
  'user.changeRole': { userId: string };
  'organization.viewUnverified': undefined;
  'organization.create': undefined;
  'organization.verify': undefined;
  'organization.manageMembers': undefined;
}

export type PolicyAction = keyof PolicyResources;

type ResourceArgument<A extends PolicyAction> = PolicyResources[A] extends undefined ? [] : [PolicyResources[A]];

const isAdmin = (role: Role) => role === 'admin';

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
      // Municipality staff edit; a finished or archived initiative's map is a record.
      const { status } = target as PolicyResources['stakeholderMap.edit'];
      return role !== undefined && isStaffRole(role) && (status === 'draft' || status === 'active');
    }
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
    case 'user.changeRole': {
      // Administrators cannot change their own role: the last one could lock everyone out.
      const { userId } = target as PolicyResources['user.changeRole'];
      return role !== undefined && isAdmin(role) && isSignedIn(actor) && actor.id !== userId;
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
