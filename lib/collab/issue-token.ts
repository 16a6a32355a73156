import type { Db } from '@/db';
import { isSignedIn, shownName, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { findInitiativeById } from '@/lib/initiatives/queries';
import { isInvitedToMap } from '@/lib/stakeholder-map/invitations';
import { collabAccessFor } from './access';
import { parseDocumentName } from './document-name';
import { signCollabToken, type CollabAccess } from './token';

export interface IssuedCollabToken {
  token: string;
  url: string;
  access: CollabAccess;
}

/**
 * A token for one signed-in user and one document, carrying the access the policy
 * grants now. Unknown documents and initiatives the actor may not see are "not found".
 */
export async function issueCollabToken(
  db: Db,
  { actor, documentName, key, collabUrl, now }: { actor: Actor; documentName: string; key: Uint8Array; collabUrl: string; now?: Date },
): Promise<IssuedCollabToken> {
  if (!isSignedIn(actor)) throw new AppError('unauthenticated', { detail: 'collab token without session' });
  const document = parseDocumentName(documentName);
  if (!document) throw new AppError('not_found', { detail: 'unknown document name' });
  const initiative = await findInitiativeById(db, { actor, id: document.initiativeId });
  if (!initiative) throw new AppError('not_found', { detail: 'initiative not visible' });
  const isInvited = await isInvitedToMap(db, { actor, initiativeId: initiative.id });
  const access = collabAccessFor(actor, document, { status: initiative.status, isInvited });
  if (!access) throw new AppError('forbidden', { detail: 'no access to document' });
  // Co-editors see each other by the name shown on contributions.
  const token = await signCollabToken({ userId: actor.id, name: shownName(actor), document: document.name, access }, key, now);
  return { token, url: collabUrl, access };
}
