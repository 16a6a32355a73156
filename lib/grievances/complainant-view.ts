// A case as its complainant sees it: what they wrote, where it stands, the deadline
// that runs, the history, and what they can do now. Staff appear by role only ("Grievance
// officer"), never by name: the complainant deals with the mechanism, and an officer's
// name in a dispute could expose them. Only callable with a ComplainantAccess.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievanceChannels, grievanceEvents, grievances } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { ComplainantAccess } from './access';
import { caseStateOf, caseTimesOf, deadlineDaysOf } from './case-state';
import { appealWindowClosesAt, caseClock, type CaseClock } from './deadlines';
import { availableSteps } from './workflow';
import type { EventActorKind, GrievanceCategory, GrievanceEventKind, GrievanceStatus, GrievanceStep, ReceiptChannel } from './vocabulary';
import { isStepEvent } from './attachment-access-log';
import { listCaseAttachments } from './attachment-download';

export interface ComplainantAttachment {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  addedBy: EventActorKind;
  createdAt: Date;
}

export interface ComplainantHistoryEntry {
  id: string;
  kind: GrievanceEventKind;
  /** A role, never a person. */
  actor: EventActorKind;
  toStatus: GrievanceStatus;
  message: string | null;
  at: Date;
  attachments: ComplainantAttachment[];
}

/** The steps a complainant can take; the forms exist for these only. */
export type ComplainantStep = Extract<GrievanceStep, 'message' | 'accept_resolution' | 'appeal'>;
const COMPLAINANT_STEPS: readonly GrievanceStep[] = ['message', 'accept_resolution', 'appeal'];

export interface ComplainantCaseView {
  grievanceId: string;
  reference: string;
  channel: { id: string; name: string };
  category: GrievanceCategory;
  description: string;
  place: string | null;
  /** YYYY-MM-DD, as given. */
  eventDate: string | null;
  outcomeSought: string | null;
  isConfidential: boolean;
  receivedVia: ReceiptChannel;
  receivedAt: Date;
  status: GrievanceStatus;
  clock: CaseClock | null;
  history: ComplainantHistoryEntry[];
  /** Every file of the case, oldest first (each also under its history entry). */
  attachments: ComplainantAttachment[];
  steps: ComplainantStep[];
  /** Until when an appeal can be lodged, while it can. */
  appealPossibleUntil: Date | null;
}

export async function loadComplainantView(db: Db, { access, now = new Date() }: { access: ComplainantAccess; now?: Date }): Promise<ComplainantCaseView> {
  const [row] = await db
    .select({ grievance: grievances, channel: grievanceChannels })
    .from(grievances)
    .innerJoin(grievanceChannels, eq(grievanceChannels.id, grievances.channelId))
    .where(eq(grievances.id, access.grievanceId))
    .limit(1);
  if (!row) throw new AppError('not_found', { detail: 'grievance of a granted access is gone', fieldErrors: { form: 'grievance.caseNotFound' } });
  const { grievance, channel } = row;

  const [events, files] = await Promise.all([
    db
      .select({
        id: grievanceEvents.id,
        kind: grievanceEvents.kind,
        actor: grievanceEvents.actorKind,
        toStatus: grievanceEvents.toStatus,
        message: grievanceEvents.message,
        at: grievanceEvents.createdAt,
      })
      .from(grievanceEvents)
      // Staff's access records are an internal audit trail, not a step of the case.
      .where(and(eq(grievanceEvents.grievanceId, grievance.id), isStepEvent()))
      .orderBy(asc(grievanceEvents.createdAt), asc(grievanceEvents.id)),
    listCaseAttachments(db, grievance.id),
  ]);
  const attachments = files.map(({ eventId: _eventId, ...attachment }) => attachment);

  const days = deadlineDaysOf(grievance);
  const times = caseTimesOf(grievance);
  const steps = availableSteps(caseStateOf(grievance, days, now), { kind: 'complainant' }).filter((step): step is ComplainantStep =>
    COMPLAINANT_STEPS.includes(step),
  );

  return {
    grievanceId: grievance.id,
    reference: grievance.reference,
    channel: { id: channel.id, name: channel.name },
    category: grievance.category,
    description: grievance.description,
    place: grievance.place,
    eventDate: grievance.eventDate,
    outcomeSought: grievance.outcomeSought,
    isConfidential: grievance.isConfidential,
    receivedVia: grievance.receivedVia,
    receivedAt: grievance.receivedAt,
    status: grievance.status,
    clock: caseClock(times, days, now),
    history: events.map((event) => ({
      ...event,
      attachments: files.filter((file) => file.eventId === event.id).map(({ eventId: _eventId, ...attachment }) => attachment),
    })),
    attachments,
    steps,
    appealPossibleUntil: steps.includes('appeal') ? appealWindowClosesAt(times, days) : null,
  };
}
