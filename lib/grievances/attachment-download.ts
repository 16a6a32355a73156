// A file of a grievance, for the people who may read the case: its complainant (with
// the follow cookie, or as the account that filed it) and grievance handlers — for a
// confidential case only the officer it is assigned to and administrators, since a file
// may name the complainant (grievance.viewAttachments), and each of their downloads is
// recorded in the case's history (attachment-access-log.ts). Anyone else gets the same
// nothing as for an attachment that does not exist.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { grievanceAttachments, grievances } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { openStoredFile, type StoredContent } from '@/lib/documents/storage';
import { logError } from '@/lib/log';
import { recordAttachmentAccess } from './attachment-access-log';
import type { FollowPass } from './follow-cookie';
import { isAssignedTo } from './identity';

export interface GrievanceAttachmentDownload {
  fileName: string;
  contentType: string;
  /** Read from the store as it is sent. */
  content: StoredContent;
}

export async function findGrievanceAttachment(
  db: Db,
  { attachmentId, actor, pass }: { attachmentId: string; actor: Actor; pass: FollowPass | null },
): Promise<GrievanceAttachmentDownload | null> {
  if (!z.uuid().safeParse(attachmentId).success) return null;
  const [row] = await db
    .select({
      fileName: grievanceAttachments.fileName,
      contentType: grievanceAttachments.contentType,
      fileId: grievanceAttachments.fileId,
      grievanceId: grievances.id,
      reference: grievances.reference,
      filerId: grievances.filerId,
      status: grievances.status,
      isConfidential: grievances.isConfidential,
      assignedOfficerId: grievances.assignedOfficerId,
    })
    .from(grievanceAttachments)
    .innerJoin(grievances, eq(grievances.id, grievanceAttachments.grievanceId))
    .where(eq(grievanceAttachments.id, attachmentId))
    .limit(1);
  if (!row) return null;
  const holdsAccessKey = pass !== null && pass.grievanceId === row.grievanceId && pass.reference === row.reference;
  const isFiler = isSignedIn(actor) && row.filerId === actor.id;
  const isComplainant = can(actor, 'grievance.follow', { holdsAccessKey, isFiler });
  if (!isComplainant) {
    const isAssigned = isAssignedTo(actor, row.assignedOfficerId);
    if (!isSignedIn(actor) || !can(actor, 'grievance.handle') || !can(actor, 'grievance.viewAttachments', { isConfidential: row.isConfidential, isAssigned })) return null;
    // Recorded before the bytes leave: a download that cannot be recorded does not happen.
    if (row.isConfidential) await recordAttachmentAccess(db, { grievanceId: row.grievanceId, status: row.status, attachmentId, actor });
  }
  const content = await openStoredFile(db, row.fileId);
  if (!content) {
    // The foreign key forbids this; if it happens anyway, someone must look.
    logError('grievance attachment download', new Error(`stored file of grievance attachment ${attachmentId} is missing`));
    return null;
  }
  return { fileName: row.fileName, contentType: row.contentType, content };
}

/** The files of a case, oldest first, as the case pages list them. */
export function listCaseAttachments(db: Db, grievanceId: string) {
  return db
    .select({
      id: grievanceAttachments.id,
      eventId: grievanceAttachments.eventId,
      fileName: grievanceAttachments.fileName,
      contentType: grievanceAttachments.contentType,
      byteSize: grievanceAttachments.byteSize,
      addedBy: grievanceAttachments.addedBy,
      createdAt: grievanceAttachments.createdAt,
    })
    .from(grievanceAttachments)
    .where(eq(grievanceAttachments.grievanceId, grievanceId))
    .orderBy(asc(grievanceAttachments.createdAt), asc(grievanceAttachments.fileName));
}
