// Who opened which file of a confidential case, and when: every download of such a file
// by staff (the assigned officer or an administrator) is written into the case's history,
// which is append-only, so the record cannot be tidied away afterwards. Staff see these
// entries in the case history; the complainant's view leaves them out (they are not a
// step of the case), and so does the case's stage (case-stage.ts), so opening a file
// never makes a colleague's open form look out of date.
//
// An access is an event of kind `attachment_opened` with the attachment's id as its
// text. Before that kind existed (migration 0008) accesses were stored as `message`
// events with no `from_status`, which no step writes (every step records the status it
// left; only `received` has none); the history is append-only, so those rows stay as
// they are and are read as accesses too. This module is the only place that knows both.
import { and, isNotNull, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { GrievanceEventKind, GrievanceStatus } from './vocabulary';

const ACCESS_KIND = 'attachment_opened' satisfies GrievanceEventKind;
/** The kind accesses were stored under before ACCESS_KIND existed, always with no from_status. */
const INTERIM_ACCESS_KIND = 'message' satisfies GrievanceEventKind;

/** Whether a stored event is an access record rather than a step of the case. */
export function isAttachmentAccessRecord(event: { kind: GrievanceEventKind; fromStatus: GrievanceStatus | null }): boolean {
  return event.kind === ACCESS_KIND || (event.kind === INTERIM_ACCESS_KIND && event.fromStatus === null);
}

/** The attachment an access record names; null for any other event. */
export function accessedAttachmentId(event: { kind: GrievanceEventKind; fromStatus: GrievanceStatus | null; message: string | null }): string | null {
  return isAttachmentAccessRecord(event) ? event.message : null;
}

/** SQL: the events that are steps of the case (everything but access records). */
export function isStepEvent(): SQL {
  return and(ne(grievanceEvents.kind, ACCESS_KIND), or(ne(grievanceEvents.kind, INTERIM_ACCESS_KIND), isNotNull(grievanceEvents.fromStatus)))!;
}

/** Records that `actor` (staff) opened `attachmentId` of the case, at `now`. */
export async function recordAttachmentAccess(
  db: Db,
  { grievanceId, status, attachmentId, actor, now = new Date() }: { grievanceId: string; status: GrievanceStatus; attachmentId: string; actor: Extract<Actor, { kind: 'user' }>; now?: Date },
): Promise<void> {
  const [event] = await db
    .insert(grievanceEvents)
    .values({
      grievanceId,
      kind: ACCESS_KIND,
      fromStatus: null,
      toStatus: status,
      actorKind: actor.role === 'admin' ? 'administrator' : 'officer',
      actorId: actor.id,
      message: attachmentId,
      createdAt: now,
    })
    .returning({ id: grievanceEvents.id });
  if (!event) throw new AppError('internal', { detail: 'attachment access record returned no row' });
}

