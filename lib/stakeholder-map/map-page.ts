// Everything the stakeholder map page of one initiative shows, as the actor may see it:
// their access, the stored map (and, for staff, the contacts), the edit history for
// those who edit, and the invitations for staff.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { organizations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { collabAccessFor } from '@/lib/collab/access';
import { parseDocumentName, stakeholderContactsDocumentName, stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { listDocumentHistory } from '@/lib/collab/history';
import { loadStoredDocument } from '@/lib/collab/stored-document';
import { findInitiativeBySlug, type Initiative } from '@/lib/initiatives/queries';
import { isInvitedToMap, listMapInvitations, type MapInvitation } from './invitations';
import { encodeDocumentState } from './map-store';

export interface MapHistoryEntry {
  userName: string | null;
  /** Changes the server made itself (demo data, imports), not a person. */
  isServer: boolean;
  updateCount: number;
  editedAt: string;
}

export interface MapPage {
  initiative: Initiative;
  access: 'edit' | 'view';
  mapDocument: string;
  /** The stored state as base64, to hand to the browser. */
  mapState: string;
  contactsDocument: string | null;
  contactsState: string | null;
  history: MapHistoryEntry[] | null;
  /** Verified organizations, to link a stakeholder to and to invite. */
  organizations: Array<{ id: string; name: string }>;
  invitations: MapInvitation[] | null;
}

export async function loadMapHistory(db: Db, { actor, initiativeId }: { actor: Actor; initiativeId: string }): Promise<MapHistoryEntry[] | null> {
  const isInvited = await isInvitedToMap(db, { actor, initiativeId });
  return can(actor, 'stakeholderMap.viewHistory', { isInvited }) ? unsafeMapHistory(db, initiativeId) : null;
}

/** The history without asking who wants it: callers have checked stakeholderMap.viewHistory. */
async function unsafeMapHistory(db: Db, initiativeId: string): Promise<MapHistoryEntry[]> {
  const edits = await listDocumentHistory(db, { document: stakeholderMapDocumentName(initiativeId), limit: 50 });
  return edits.map((edit) => ({ userName: edit.userName, isServer: edit.userId === null, updateCount: edit.updateCount, editedAt: edit.editedAt.toISOString() }));
}

export async function loadMapPage(db: Db, { actor, slug }: { actor: Actor; slug: string }): Promise<MapPage | null> {
  const initiative = await findInitiativeBySlug(db, { actor, slug });
  if (!initiative || !can(actor, 'stakeholderMap.view', { status: initiative.status })) return null;
  const isInvited = await isInvitedToMap(db, { actor, initiativeId: initiative.id });
  const context = { status: initiative.status, isInvited };
  const mapDocument = stakeholderMapDocumentName(initiative.id);
  const access = collabAccessFor(actor, parseDocumentName(mapDocument)!, context) ?? 'view';
  const contactsName = stakeholderContactsDocumentName(initiative.id);
  const contactsAccess = collabAccessFor(actor, parseDocumentName(contactsName)!, context);
  const [mapDoc, contactsDoc, history, verified, invitations] = await Promise.all([
    loadStoredDocument(db, mapDocument),
    contactsAccess ? loadStoredDocument(db, contactsName) : Promise.resolve(null),
    can(actor, 'stakeholderMap.viewHistory', { isInvited }) ? unsafeMapHistory(db, initiative.id) : Promise.resolve(null),
    db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.isVerified, true)).orderBy(asc(organizations.name)),
    can(actor, 'stakeholderMap.invite') ? listMapInvitations(db, { initiativeId: initiative.id }) : Promise.resolve(null),
  ]);
  return {
    initiative,
    access,
    mapDocument,
    mapState: encodeDocumentState(mapDoc),
    contactsDocument: contactsAccess ? contactsName : null,
    contactsState: contactsDoc ? encodeDocumentState(contactsDoc) : null,
    history,
    organizations: verified,
    invitations,
  };
}
