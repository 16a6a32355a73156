// What waits for moderators, across all consultations: input to review before it is
// published, input people reported, and what was hidden lately (to restore a mistake).
// Reports show their reasons and notes but never who made them, so moderators judge
// the text, not the people.
import { publicName } from '@/lib/accounts/public-name';
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultations, inputReports, inputs, moderationActions, organizations, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { authorDisplay, type AuthorDisplay } from '@/lib/inputs/author-display';
import type { InputKind, InputStatus } from '@/lib/inputs/vocabulary';
import type { HideReason, ReportReason } from './vocabulary';

export interface QueueInput {
  id: string;
  number: number;
  consultation: { id: string; title: string };
  /** Null for replies. */
  kind: InputKind | null;
  title: string | null;
  body: string;
  isReply: boolean;
  status: InputStatus;
  author: AuthorDisplay;
  createdAt: Date;
}

export interface QueueReport {
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
}

export interface ReportedInput extends QueueInput {
  reportCount: number;
  /** Oldest first. */
  reports: QueueReport[];
}

export interface HiddenInput extends QueueInput {
  hiddenAt: Date;
  reason: HideReason;
  note: string;
}

export interface ModerationQueue {
  /** Oldest first: the longest wait is served first. */
  pending: QueueInput[];
  /** By their oldest open report. */
  reported: ReportedInput[];
  /** Hidden in the last RECENTLY_HIDDEN_DAYS days, newest first. */
  recentlyHidden: HiddenInput[];
}

const RECENTLY_HIDDEN_DAYS = 30;
/** A queue longer than this is worked through page by page of the oldest; the rest waits its turn. */
const QUEUE_LIMIT = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

function selectQueueInputs(db: Db) {
  return db
    .select({
      id: inputs.id,
      number: inputs.number,
      consultation: { id: consultations.id, title: consultations.title },
      kind: inputs.kind,
      title: inputs.title,
      body: inputs.body,
      parentId: inputs.parentId,
      status: inputs.status,
      channel: inputs.channel,
      participantName: inputs.participantName,
      accountName: publicName,
      organizationName: organizations.name,
      createdAt: inputs.createdAt,
    })
    .from(inputs)
    .innerJoin(consultations, eq(consultations.id, inputs.consultationId))
    .leftJoin(users, eq(users.id, inputs.authorId))
    .leftJoin(organizations, eq(organizations.id, inputs.organizationId));
}

type QueueRow = Awaited<ReturnType<ReturnType<typeof selectQueueInputs>['where']>>[number];

function toQueueInput(row: QueueRow): QueueInput {
  return {
    id: row.id,
    number: row.number,
    consultation: row.consultation,
    kind: row.kind,
    title: row.title,
    body: row.body,
    isReply: row.parentId !== null,
    status: row.status,
    author: authorDisplay(row),
    createdAt: row.createdAt,
  };
}

async function pendingInputs(db: Db): Promise<QueueInput[]> {
  const rows = await selectQueueInputs(db).where(eq(inputs.status, 'pending')).orderBy(asc(inputs.createdAt), asc(inputs.number)).limit(QUEUE_LIMIT);
  return rows.map(toQueueInput);
}

async function reportedInputs(db: Db): Promise<ReportedInput[]> {
  const reports = await db
    .select({ inputId: inputReports.inputId, reason: inputReports.reason, note: inputReports.note, createdAt: inputReports.createdAt })
    .from(inputReports)
    .where(isNull(inputReports.resolvedAt))
    .orderBy(asc(inputReports.createdAt));
  const byInput = new Map<string, QueueReport[]>();
  for (const { inputId, ...report } of reports) byInput.set(inputId, [...(byInput.get(inputId) ?? []), report]);
  const inputIds = [...byInput.keys()].slice(0, QUEUE_LIMIT);
  if (inputIds.length === 0) return [];

  const rows = new Map((await selectQueueInputs(db).where(inArray(inputs.id, inputIds))).map((row) => [row.id, row]));
  return inputIds.flatMap((inputId) => {
    const row = rows.get(inputId);
    const openReports = byInput.get(inputId) ?? [];
    return row ? [{ ...toQueueInput(row), reportCount: openReports.length, reports: openReports }] : [];
  });
}

/** The latest hide of each input still hidden, newest first. */
async function recentHides(db: Db, since: Date) {
  const hides = await db
    .select({ inputId: moderationActions.inputId, hiddenAt: moderationActions.createdAt, reason: moderationActions.reason, note: moderationActions.note })
    .from(moderationActions)
    .innerJoin(inputs, eq(inputs.id, moderationActions.inputId))
    .where(and(eq(inputs.status, 'hidden'), eq(moderationActions.action, 'hide'), gte(moderationActions.createdAt, since)))
    .orderBy(desc(moderationActions.createdAt));
  const latest = new Map<string, (typeof hides)[number]>();
  for (const hide of hides) if (!latest.has(hide.inputId)) latest.set(hide.inputId, hide);
  return [...latest.values()].slice(0, QUEUE_LIMIT);
}

async function recentlyHiddenInputs(db: Db, now: Date): Promise<HiddenInput[]> {
  const hides = await recentHides(db, new Date(now.getTime() - RECENTLY_HIDDEN_DAYS * DAY_MS));
  if (hides.length === 0) return [];
  const rows = new Map((await selectQueueInputs(db).where(inArray(inputs.id, hides.map((hide) => hide.inputId)))).map((row) => [row.id, row]));
  return hides.flatMap(({ inputId, hiddenAt, reason, note }) => {
    const row = rows.get(inputId);
    return row ? [{ ...toQueueInput(row), hiddenAt, reason: reason ?? 'other', note: note ?? '' }] : [];
  });
}

export async function moderationQueue(db: Db, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<ModerationQueue> {
  authorize(actor, 'input.moderate');
  return {
    pending: await pendingInputs(db),
    reported: await reportedInputs(db),
    recentlyHidden: await recentlyHiddenInputs(db, now),
  };
}
