import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import type { CollabDocument } from './document-name';
import type { CollabAccess } from './token';

export interface DocumentContext {
  status: InitiativeStatus;
  /** The actor belongs to an organization invited to edit the initiative's map. */
  isInvited: boolean;
}

/** The access the policy grants to a shared document, or null for none. */
export function collabAccessFor(actor: Actor, document: CollabDocument, { status, isInvited }: DocumentContext): CollabAccess | null {
  switch (document.kind) {
    case 'stakeholder-map':
      if (can(actor, 'stakeholderMap.edit', { status, isInvited })) return 'edit';
      if (can(actor, 'stakeholderMap.view', { status })) return 'view';
      return null;
    case 'stakeholder-contacts':
      if (can(actor, 'stakeholderMap.editContacts', { status })) return 'edit';
      if (can(actor, 'stakeholderMap.viewContacts')) return 'view';
      return null;
  }
}
