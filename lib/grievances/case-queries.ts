// What grievance handlers (officers and administrators) read: the case queue with each
// case's clock, the overdue cases for the supervisor, and one case in full with the
// steps the reader may take on it. Every function authorizes `grievance.handle`.
//
// Clocks come from the pure deadlines.ts with the channel's published deadlines and an
// injectable `now`, so the queue, the overdue list and the case page agree. They are
// computed here rather than in SQL so that rule lives in one place; the queue loads the
// open cases' few scheduling columns (never descriptions) to order them, which stays
// small for a city's caseload.
//
// A confidential case's files (and their names) are for the officer it is assigned to
// and administrators (grievance.viewAttachments); other officers are told they are
// withheld, not how many there are.
import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { grievanceChannels, grievanceEvents, grievances, users } from '@/db/schema';
import { isLiveAccount } from '@/lib/accounts/public-name';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { authorize, can } from '@/lib/auth/policy';
import { caseStateOf, caseTimesOf, deadlineDaysOf, type StoredCase } from './case-state';
import { caseClock, type CaseClock } from './deadlines';
import { complainantIdentity, isAssignedTo, type ComplainantIdentity } from './identity';
import { accessedAttachmentId } from './attachment-access-log';
import { listCaseAttachments } from './attachment-download';
import { HANDLER_STEPS } from './step-schemas';
import { appealedAnswerAuthors } from './take-step';
import { availableSteps, refuseStep, STEP_RULES, type StepRefusal, type StepTaker } from './workflow';
import {
  GRIEVANCE_STATUSES,
  MIN_EXPLANATION_LENGTH,
  type EventActorKind,
  type GrievanceCategory,
  type GrievanceEventKind,
  type GrievanceStatus,
  type GrievanceStep,
  type DeadlineDays,
  type ReceiptChannel,
} from './vocabulary';
import { isUuid } from '@/lib/validation/uuid';

/** `open`: every case not closed (the default); `all`: closed ones too. */
export const CASE_STATUS_FILTERS = ['open', 'all', ...GRIEVANCE_STATUSES] as const;
export type CaseStatusFilter = (typeof CASE_STATUS_FILTERS)[number];

export interface CaseFilters {
  /** The grievance channel (city-wide or an initiative's). */
  channelId?: string;
  /** How the grievance reached the city. */
  receivedVia?: ReceiptChannel;
  status?: CaseStatusFilter;
  assignedToMe?: boolean;
  /** Only cases past one of the city's deadlines. */
  overdueOnly?: boolean;
}

export interface CaseListItem {
  id: string;
  reference: string;
  channel: { id: string; name: string };
  category: GrievanceCategory;
  status: GrievanceStatus;
  receivedVia: ReceiptChannel;
  receivedAt: Date;
  assignedOfficer: { id: string; name: string } | null;
  isAssignedToMe: boolean;
  clock: CaseClock | null;
}

export interface CaseList {
  /** At most `limit` cases, what is due first. */
  items: CaseListItem[];
  /** How many cases match the filters. */
  total: number;
}

export type StaffActor = Extract<Actor, { kind: 'user' }>;

function handler(actor: Actor): StaffActor {
  authorize(actor, 'grievance.handle');
  return actor as StaffActor;
}

const assignedOfficers = alias(users, 'assigned_officer');

/** The columns every clock and list row needs. */
const scheduleColumns = {
  id: grievances.id,
  reference: grievances.reference,
  category: grievances.category,
  status: grievances.status,
  receivedVia: grievances.receivedVia,
  receivedAt: grievances.receivedAt,
  acknowledgedAt: grievances.acknowledgedAt,
  respondedAt: grievances.respondedAt,
  appealedAt: grievances.appealedAt,
  statusChangedAt: grievances.statusChangedAt,
  resolutionAccepted: grievances.resolutionAccepted,
  assignedOfficerId: grievances.assignedOfficerId,
  assignedOfficerName: assignedOfficers.name,
  channelId: grievanceChannels.id,
  channelName: grievanceChannels.name,
  acknowledgeDays: grievances.acknowledgeDays,
  resolveDays: grievances.resolveDays,
  appealDays: grievances.appealDays,
  appealDecisionDays: grievances.appealDecisionDays,
};

interface ScheduleRow extends StoredCase, DeadlineDays {
  id: string;
  reference: string;
  category: GrievanceCategory;
  receivedVia: ReceiptChannel;
  assignedOfficerName: string | null;
  channelId: string;
  channelName: string;
}

function listItem(row: ScheduleRow, actor: StaffActor, now: Date): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    channel: { id: row.channelId, name: row.channelName },
    category: row.category,
    status: row.status,
    receivedVia: row.receivedVia,
    receivedAt: row.receivedAt,
    assignedOfficer: row.assignedOfficerId !== null ? { id: row.assignedOfficerId, name: row.assignedOfficerName ?? '' } : null,
    isAssignedToMe: isAssignedTo(actor, row.assignedOfficerId),
    clock: caseClock(caseTimesOf(row), deadlineDaysOf(row), now),
  };
}

/** City deadlines first (earliest due, so overdue ones lead), then complainants' appeal windows, then cases without a clock, newest first. */
function byWhatIsDueFirst(a: CaseListItem, b: CaseListItem): number {
  const rank = (item: CaseListItem) => (item.clock === null ? 2 : item.clock.party === 'city' ? 0 : 1);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.clock && b.clock) return a.clock.dueAt.getTime() - b.clock.dueAt.getTime() || a.reference.localeCompare(b.reference);
  return b.receivedAt.getTime() - a.receivedAt.getTime() || a.reference.localeCompare(b.reference);
}

export async function listCases(
  db: Db,
  { actor, filters = {}, now = new Date(), limit = 200 }: { actor: Actor; filters?: CaseFilters; now?: Date; limit?: number },
): Promise<CaseList> {
  const staff = handler(actor);
  const status = filters.overdueOnly ? 'open' : (filters.status ?? 'open');
  const conditions: SQL[] = [];
  if (status === 'open') conditions.push(ne(grievances.status, 'closed'));
  else if (status !== 'all') conditions.push(eq(grievances.status, status));
  if (filters.channelId !== undefined) {
    if (!isUuid(filters.channelId)) return { items: [], total: 0 };
    conditions.push(eq(grievances.channelId, filters.channelId));
  }
  if (filters.receivedVia !== undefined) conditions.push(eq(grievances.receivedVia, filters.receivedVia));
  if (filters.assignedToMe) conditions.push(eq(grievances.assignedOfficerId, staff.id));

  const rows = await db
    .select(scheduleColumns)
    .from(grievances)
    .innerJoin(grievanceChannels, eq(grievanceChannels.id, grievances.channelId))
    .leftJoin(assignedOfficers, eq(assignedOfficers.id, grievances.assignedOfficerId))
    .where(and(...conditions));

  let items = rows.map((row) => listItem(row, staff, now));
  if (filters.overdueOnly) items = items.filter((item) => item.clock?.isOverdue === true);
  items.sort(byWhatIsDueFirst);
  return { items: items.slice(0, Math.max(1, Math.floor(limit))), total: items.length };
}

/** The cases past one of the city's deadlines, most overdue first: the supervisor's list. */
export async function listOverdueCases(db: Db, { actor, now = new Date(), limit }: { actor: Actor; now?: Date; limit?: number }): Promise<CaseList> {
  return listCases(db, { actor, now, limit, filters: { overdueOnly: true } });
}

export async function countOverdueCases(db: Db, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<number> {
  return (await listOverdueCases(db, { actor, now, limit: 1 })).total;
}

/** The channels cases can be filtered by. */
export async function listCaseChannels(db: Db, { actor }: { actor: Actor }): Promise<Array<{ id: string; name: string }>> {
  handler(actor);
  return db.select({ id: grievanceChannels.id, name: grievanceChannels.name }).from(grievanceChannels).orderBy(asc(grievanceChannels.name));
}

/** The people a case can be assigned to: grievance officers and administrators. */
export async function listAssignableOfficers(db: Db, { actor }: { actor: Actor }): Promise<Array<{ id: string; name: string; role: 'grievance_officer' | 'admin' }>> {
  handler(actor);
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isLiveAccount, inArray(users.role, ['grievance_officer', 'admin'])))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((row) => ({ id: row.id, name: row.name ?? '', role: row.role === 'admin' ? 'admin' : 'grievance_officer' }));
}

/** Who took a step, as staff see it: colleagues by name, the complainant never. */
export type EventActor = { kind: 'complainant' } | { kind: Exclude<EventActorKind, 'complainant'>; name: string | null };

export interface CaseEvent {
  id: string;
  /** `attachment_opened`: a colleague downloaded a file of this confidential case (attachment-access-log.ts). */
  kind: GrievanceEventKind;
  fromStatus: GrievanceStatus | null;
  toStatus: GrievanceStatus;
  actor: EventActor;
  /** For `assign`: who the case went to. */
  assignedTo: { id: string; name: string | null } | null;
  message: string | null;
  /** For `attachment_opened`: the file, by name when the reader may see the case's files. */
  openedAttachment: { id: string; fileName: string | null } | null;
  createdAt: Date;
}

export interface CaseAttachment {
  id: string;
  /** The event the file came with (the filing, or a later message). */
  eventId: string | null;
  fileName: string;
  contentType: string;
  byteSize: number;
  addedBy: EventActorKind;
  createdAt: Date;
}

export interface CaseDetail extends CaseListItem {
  description: string;
  place: string | null;
  /** YYYY-MM-DD, as the complainant gave it. */
  eventDate: string | null;
  outcomeSought: string | null;
  isConfidential: boolean;
  closedAt: Date | null;
  identity: ComplainantIdentity;
  history: CaseEvent[];
  /** Empty when withheld. */
  attachments: CaseAttachment[];
  /** The case is confidential and the reader is neither its assigned officer nor an administrator. */
  areAttachmentsWithheld: boolean;
  /** The steps the reader may take now (the message each needs is checked when taken). */
  availableSteps: GrievanceStep[];
  /** City steps this stage allows that the reader may not take now, and why (e.g. the appeal window is open). */
  refusedSteps: Array<{ step: GrievanceStep; refusal: StepRefusal }>;
  /** Whom the case can be assigned to. */
  officers: Array<{ id: string; name: string; role: 'grievance_officer' | 'admin' }>;
}

const actorUsers = alias(users, 'event_actor');
const eventOfficers = alias(users, 'event_officer');
const filers = alias(users, 'filer');

async function caseHistory(db: Db, grievanceId: string, attachments: CaseAttachment[]): Promise<CaseEvent[]> {
  const rows = await db
    .select({
      id: grievanceEvents.id,
      kind: grievanceEvents.kind,
      fromStatus: grievanceEvents.fromStatus,
      toStatus: grievanceEvents.toStatus,
      actorKind: grievanceEvents.actorKind,
      actorName: actorUsers.name,
      officerId: grievanceEvents.officerId,
      officerName: eventOfficers.name,
      message: grievanceEvents.message,
      createdAt: grievanceEvents.createdAt,
    })
    .from(grievanceEvents)
    .leftJoin(actorUsers, eq(actorUsers.id, grievanceEvents.actorId))
    .leftJoin(eventOfficers, eq(eventOfficers.id, grievanceEvents.officerId))
    .where(eq(grievanceEvents.grievanceId, grievanceId))
    .orderBy(asc(grievanceEvents.createdAt), asc(grievanceEvents.id));
  const fileNames = new Map(attachments.map((attachment) => [attachment.id, attachment.fileName]));
  return rows.map((row) => {
    const openedId = accessedAttachmentId(row);
    return {
      id: row.id,
      kind: openedId !== null ? 'attachment_opened' : row.kind,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      // The complainant's events carry no name, even when they filed with an account.
      actor: row.actorKind === 'complainant' ? { kind: 'complainant' } : { kind: row.actorKind, name: row.actorName },
      assignedTo: row.officerId !== null ? { id: row.officerId, name: row.officerName } : null,
      message: openedId !== null ? null : row.message,
      openedAttachment: openedId !== null ? { id: openedId, fileName: fileNames.get(openedId) ?? null } : null,
      createdAt: row.createdAt,
    };
  });
}

/** The same long-enough probe as workflow.availableSteps: the message itself is checked when the step is taken. */
function refusalNow(state: Parameters<typeof refuseStep>[0], taker: StepTaker, step: GrievanceStep): StepRefusal | null {
  return refuseStep(state, taker, { step, message: '.'.repeat(MIN_EXPLANATION_LENGTH), officerId: step === 'assign' ? 'someone' : undefined });
}

/** One case as its handler sees it; null when there is no such case. */
export async function findCaseForHandler(db: Db, { actor, grievanceId, now = new Date() }: { actor: Actor; grievanceId: string; now?: Date }): Promise<CaseDetail | null> {
  const staff = handler(actor);
  if (!isUuid(grievanceId)) return null;
  const [row] = await db
    .select({
      ...scheduleColumns,
      description: grievances.description,
      place: grievances.place,
      eventDate: grievances.eventDate,
      outcomeSought: grievances.outcomeSought,
      isConfidential: grievances.isConfidential,
      closedAt: grievances.closedAt,
      contactName: grievances.contactName,
      contactEmail: grievances.contactEmail,
      contactPhone: grievances.contactPhone,
      filerName: filers.name,
      filerEmail: filers.email,
    })
    .from(grievances)
    .innerJoin(grievanceChannels, eq(grievanceChannels.id, grievances.channelId))
    .leftJoin(assignedOfficers, eq(assignedOfficers.id, grievances.assignedOfficerId))
    .leftJoin(filers, eq(filers.id, grievances.filerId))
    .where(eq(grievances.id, grievanceId))
    .limit(1);
  if (!row) return null;

  const item = listItem(row, staff, now);
  const state = caseStateOf(row, deadlineDaysOf(row), now);
  const taker: StepTaker = { kind: 'handler', userId: staff.id, isAdministrator: staff.role === 'admin', isAssigned: item.isAssignedToMe };
  // As take-step.ts decides: whoever answered the case does not hear its appeal.
  const answeredIt = row.status === 'appealed' && (await appealedAnswerAuthors(db, grievanceId)).has(staff.id);
  const available = availableSteps(state, taker).filter((step) => !(answeredIt && step === 'decide_appeal'));
  const refusedSteps = HANDLER_STEPS.filter((step) => STEP_RULES[step].from.includes(row.status) && !available.includes(step)).flatMap((step) => {
    const refusal = answeredIt && step === 'decide_appeal' ? 'notImpartial' : refusalNow(state, taker, step);
    return refusal ? [{ step, refusal }] : [];
  });

  const areAttachmentsWithheld = !can(staff, 'grievance.viewAttachments', { isConfidential: row.isConfidential, isAssigned: item.isAssignedToMe });
  const [attachments, officers] = await Promise.all([areAttachmentsWithheld ? [] : listCaseAttachments(db, grievanceId), listAssignableOfficers(db, { actor })]);
  const history = await caseHistory(db, grievanceId, attachments);
  const identity = complainantIdentity(staff, {
    isConfidential: row.isConfidential,
    assignedOfficerId: row.assignedOfficerId,
    filer: row.filerName !== null && row.filerEmail !== null ? { name: row.filerName, email: row.filerEmail } : null,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
  });
  // Who saw a confidential complainant's identity is on record for the city's accountability.
  if (row.isConfidential && identity.kind === 'shown') {
    await recordAudit(db, { actor: staff, action: 'confidential_case_opened', subjectType: 'grievance', subjectId: grievanceId, details: { reference: row.reference }, now });
  }

  return {
    ...item,
    description: row.description,
    place: row.place,
    eventDate: row.eventDate,
    outcomeSought: row.outcomeSought,
    isConfidential: row.isConfidential,
    closedAt: row.closedAt,
    identity,
    history,
    attachments,
    areAttachmentsWithheld,
    availableSteps: available,
    refusedSteps,
    officers,
  };
}
