// A grievance enters the system: filed online by anyone (with or without an account) or
// typed in by an officer from paper, a call, an e-mail or a visit. Either way it gets an
// unguessable reference and a secret access key, its attachments are streamed into the
// file store and checked by content on the way, then the case, the rows naming its files
// and its first event are stored together; if that fails, the files are removed.
//
// A form sent twice (double click, retry) carries the same submission key and yields
// the same case. Only a hash of the access key is stored, so the repeated answer comes
// with a fresh key that replaces the first: whoever sent the form holds the new one.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceAttachments, grievanceChannels, grievanceEvents, grievances } from '@/db/schema';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { recordStoredFiles, removeFiles, storeUpload } from '@/lib/documents/storage';
import { AppError } from '@/lib/errors';
import { deadlineDaysOf } from './case-state';
import { hashAccessKey, newAccessKey, newReference } from './codes';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type EventActorKind, type GrievanceCategory, type ReceiptChannel } from './vocabulary';

export interface GrievanceAttachmentUpload {
  fileName: string;
  /** The uploaded File, streamed into the store; its size (file.size) is known before it is read. */
  file: Blob;
}

export interface GrievanceFiling {
  channelId: string;
  category: GrievanceCategory;
  description: string;
  place: string | null;
  /** YYYY-MM-DD */
  eventDate: string | null;
  outcomeSought: string | null;
  isConfidential: boolean;
  /** For people without an account (or who prefer another address); personal data. */
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  submissionKey: string;
  attachments: GrievanceAttachmentUpload[];
}

export interface FiledGrievance {
  grievanceId: string;
  reference: string;
  /** Shown once to whoever filed; only its hash is stored. */
  accessKey: string;
  isDuplicate: boolean;
}

/** A file in the store, checked, that no row names yet. */
export type StoredAttachment = { fileId: string; fileName: string; contentType: string; byteSize: number };

function attachmentRefusal(refusal: string): AppError {
  const fieldError = refusal === 'fileTooLarge' ? 'grievance.attachmentTooLarge' : refusal;
  return new AppError('bad_request', { detail: `attachment refused: ${refusal}`, fieldErrors: { attachments: fieldError } });
}

/**
 * Streams every file into the store, each checked by content as it arrives; the first
 * refusal removes the files already stored and names its field. Count and sizes are
 * checked first, without reading. Shared with take-step.ts (files with a message); the
 * caller records the files in its transaction (storeAttachments) or removes them.
 */
export async function storeAttachmentFiles(attachments: GrievanceAttachmentUpload[]): Promise<StoredAttachment[]> {
  if (attachments.length > MAX_ATTACHMENTS) throw new AppError('bad_request', { fieldErrors: { attachments: 'grievance.tooManyAttachments' } });
  for (const { file } of attachments) {
    if (file.size === 0) throw attachmentRefusal('fileEmpty');
    if (file.size > MAX_ATTACHMENT_BYTES) throw attachmentRefusal('fileTooLarge');
  }
  const stored: StoredAttachment[] = [];
  try {
    for (const attachment of attachments) {
      const result = await storeUpload({ file: attachment.file, fileName: attachment.fileName, maxBytes: MAX_ATTACHMENT_BYTES });
      if (!result.ok) throw attachmentRefusal(result.fieldError);
      stored.push({ fileId: result.fileId, fileName: result.safeFileName, contentType: result.contentType, byteSize: result.byteSize });
    }
  } catch (error) {
    await removeFiles(stored.map((attachment) => attachment.fileId));
    throw error;
  }
  return stored;
}

/** Names stored files in the case, with the event they came with; `db` is the transaction that writes the event. */
export async function storeAttachments(
  db: Db,
  { grievanceId, eventId, addedBy, attachments, now }: { grievanceId: string; eventId: string | null; addedBy: EventActorKind; attachments: StoredAttachment[]; now: Date },
): Promise<void> {
  if (attachments.length === 0) return;
  await recordStoredFiles(db, attachments.map((attachment) => attachment.fileId));
  await db.insert(grievanceAttachments).values(
    attachments.map((attachment) => ({
      grievanceId,
      eventId,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      byteSize: attachment.byteSize,
      fileId: attachment.fileId,
      addedBy,
      createdAt: now,
    })),
  );
}

async function storeCase(
  db: Db,
  filing: GrievanceFiling,
  origin: { filerId: string | null; receivedVia: ReceiptChannel; recordedBy: string | null; actorKind: 'complainant' | 'officer' | 'administrator'; actorId: string | null },
  now: Date,
): Promise<FiledGrievance> {
  const [channel] = await db
    .select({
      acknowledgeDays: grievanceChannels.acknowledgeDays,
      resolveDays: grievanceChannels.resolveDays,
      appealDays: grievanceChannels.appealDays,
      appealDecisionDays: grievanceChannels.appealDecisionDays,
    })
    .from(grievanceChannels)
    .where(eq(grievanceChannels.id, filing.channelId))
    .limit(1);
  if (!channel) throw new AppError('bad_request', { fieldErrors: { channelId: 'grievance.channelNotFound' } });
  const accessKey = newAccessKey();

  // Before the files are read: the first copy of the form stored them already.
  const [earlier] = await db
    .select({ id: grievances.id, reference: grievances.reference })
    .from(grievances)
    .where(eq(grievances.submissionKey, filing.submissionKey))
    .limit(1);
  if (earlier) {
    await db.update(grievances).set({ accessKeyHash: hashAccessKey(accessKey) }).where(eq(grievances.id, earlier.id));
    return { grievanceId: earlier.id, reference: earlier.reference, accessKey, isDuplicate: true };
  }

  const attachments = await storeAttachmentFiles(filing.attachments);
  const reference = newReference();
  try {
    return await db.transaction(async (tx) => {
      const [stored] = await tx
        .insert(grievances)
        .values({
          channelId: filing.channelId,
          reference,
          accessKeyHash: hashAccessKey(accessKey),
          category: filing.category,
          description: filing.description,
          place: filing.place,
          eventDate: filing.eventDate,
          outcomeSought: filing.outcomeSought,
          isConfidential: filing.isConfidential,
          filerId: origin.filerId,
          contactName: filing.contactName,
          contactEmail: filing.contactEmail,
          contactPhone: filing.contactPhone,
          receivedVia: origin.receivedVia,
          recordedBy: origin.recordedBy,
          status: 'received',
          receivedAt: now,
          statusChangedAt: now,
          ...deadlineDaysOf(channel),
          submissionKey: filing.submissionKey,
        })
        .returning({ id: grievances.id });
      if (!stored) throw new AppError('internal', { detail: 'grievance insert returned no row' });
      const [event] = await tx
        .insert(grievanceEvents)
        .values({ grievanceId: stored.id, kind: 'received', fromStatus: null, toStatus: 'received', actorKind: origin.actorKind, actorId: origin.actorId, createdAt: now })
        .returning({ id: grievanceEvents.id });
      await storeAttachments(tx as unknown as Db, { grievanceId: stored.id, eventId: event?.id ?? null, addedBy: origin.actorKind, attachments, now });
      return { grievanceId: stored.id, reference, accessKey, isDuplicate: false };
    });
  } catch (error) {
    await removeFiles(attachments.map((attachment) => attachment.fileId));
    // Two copies of the same form at the same moment: the other one stored the case.
    const [winner] = await db.select({ id: grievances.id }).from(grievances).where(eq(grievances.submissionKey, filing.submissionKey)).limit(1);
    if (!winner) throw error;
    return storeCase(db, filing, origin, now);
  }
}

/** Filed by the complainant online; `actor` may be anonymous. */
export async function fileGrievance(db: Db, { actor, now = new Date(), ...filing }: GrievanceFiling & { actor: Actor; now?: Date }): Promise<FiledGrievance> {
  authorize(actor, 'grievance.file');
  const filerId = isSignedIn(actor) ? actor.id : null;
  return storeCase(db, filing, { filerId, receivedVia: 'online', recordedBy: null, actorKind: 'complainant', actorId: null }, now);
}

/** Typed in by an officer; the access key is handed to the complainant with the reference (by letter, phone…). */
export async function recordOfflineGrievance(
  db: Db,
  { actor, receivedVia, receivedAt, now = new Date(), ...filing }: GrievanceFiling & { actor: Actor; receivedVia: Exclude<ReceiptChannel, 'online'>; receivedAt?: Date; now?: Date },
): Promise<FiledGrievance> {
  authorize(actor, 'grievance.recordOffline');
  const staff = actor as Extract<Actor, { kind: 'user' }>;
  // Deadlines run from when the city received it, which may be before it was typed in.
  const received = receivedAt && receivedAt.getTime() <= now.getTime() ? receivedAt : now;
  return storeCase(db, filing, { filerId: null, receivedVia, recordedBy: staff.id, actorKind: staff.role === 'admin' ? 'administrator' : 'officer', actorId: staff.id }, received);
}
