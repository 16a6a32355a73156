import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import type { CollabDocument } from './document-name';
import type { CollabAccess } from './token';

/** The access the policy grants to a shared document, or null for none. */
export function collabAccessFor(actor: Actor, document: CollabDocument, initiative: { status: InitiativeStatus }): CollabAccess | null {
  switch (document.kind) {
    case 'stakeholder-map':
      if (can(actor, 'stakeholderMap.edit', initiative)) return 'edit';
      if (can(actor, 'stakeholderMap.view', initiative)) return 'view';
      return null;
  }
}
