// Reading consultations as a given actor sees them: drafts and consultations whose
// information date has not come are for staff only.
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { consultationDocuments, consultations, initiatives, inputs } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { consultationPhase, isPublic, priorInformation, type ConsultationPhase, type PriorInformation } from './lifecycle';
import type { ConsultationStatus, ModerationMode, ParticipationLevel } from './vocabulary';
import { isUuid } from '@/lib/validation/uuid';

export interface Consultation {
  id: string;
  initiativeId: string;
  title: string;
  questions: string[];
  scope: string;
  level: ParticipationLevel;
  status: ConsultationStatus;
  moderationMode: ModerationMode;
  informationAt: Date;
  opensAt: Date;
  closesAt: Date;
  informationDays: number;
  shortInformationReason: string | null;
  planDocumentId: string | null;
  informationStartedAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A consultation with what the actor sees of it now. */
export interface ConsultationView extends Consultation {
  phase: ConsultationPhase;
  priorInformation: PriorInformation;
  initiative: { id: string; slug: string; title: string };
}

/** Every column of a consultation, for queries that join it to something else. */
export const consultationColumns = {
  id: consultations.id,
  initiativeId: consultations.initiativeId,
  title: consultations.title,
  questions: consultations.questions,
  scope: consultations.scope,
  level: consultations.level,
  status: consultations.status,
  moderationMode: consultations.moderationMode,
  informationAt: consultations.informationAt,
  opensAt: consultations.opensAt,
  closesAt: consultations.closesAt,
  informationDays: consultations.informationDays,
  shortInformationReason: consultations.shortInformationReason,
  planDocumentId: consultations.planDocumentId,
  informationStartedAt: consultations.informationStartedAt,
  openedAt: consultations.openedAt,
  closedAt: consultations.closedAt,
  decidedAt: consultations.decidedAt,
  createdAt: consultations.createdAt,
  updatedAt: consultations.updatedAt,
};

/** The stored consultation, whoever asks; for domain functions that authorize themselves. */
export async function loadConsultation(db: Db, id: string): Promise<Consultation | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(consultationColumns).from(consultations).where(eq(consultations.id, id)).limit(1);
  return row ?? null;
}

/** Upload times of the consultation's documents, for the prior-information rule. */
export async function loadDocumentTimes(db: Db, consultationId: string): Promise<Array<{ uploadedAt: Date }>> {
  return db.select({ uploadedAt: consultationDocuments.uploadedAt }).from(consultationDocuments).where(eq(consultationDocuments.consultationId, consultationId));
}

/** The consultation, or null when it does not exist or the actor may not see it yet. */
export async function findConsultation(db: Db, { actor, id, now = new Date() }: { actor: Actor; id: string; now?: Date }): Promise<ConsultationView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ ...consultationColumns, initiative: { id: initiatives.id, slug: initiatives.slug, title: initiatives.title, status: initiatives.status } })
    .from(consultations)
    .innerJoin(initiatives, eq(initiatives.id, consultations.initiativeId))
    .where(eq(consultations.id, id))
    .limit(1);
  if (!row) return null;
  if (!can(actor, 'consultation.view', { isPublic: isPublic(row, now) && row.initiative.status !== 'draft' })) return null;
  const documents = await loadDocumentTimes(db, id);
  const { initiative, ...consultation } = row;
  return {
    ...consultation,
    initiative: { id: initiative.id, slug: initiative.slug, title: initiative.title },
    phase: consultationPhase(consultation, now),
    priorInformation: priorInformation(consultation, documents, now),
  };
}

export interface ConsultationSummary {
  id: string;
  title: string;
  level: ParticipationLevel;
  phase: ConsultationPhase;
  informationAt: Date;
  opensAt: Date;
  closesAt: Date;
  publishedInputs: number;
}

/** An initiative's consultations the actor may see, the latest opening first. */
export async function listInitiativeConsultations(
  db: Db,
  { actor, initiativeId, now = new Date() }: { actor: Actor; initiativeId: string; now?: Date },
): Promise<ConsultationSummary[]> {
  const rows = await db.select(consultationColumns).from(consultations).where(eq(consultations.initiativeId, initiativeId)).orderBy(desc(consultations.opensAt));
  const visible = rows.filter((row) => can(actor, 'consultation.view', { isPublic: isPublic(row, now) }));
  const counts = await publishedInputCounts(db, visible.map((row) => row.id));
  return visible.map((row) => ({
    id: row.id,
    title: row.title,
    level: row.level,
    phase: consultationPhase(row, now),
    informationAt: row.informationAt,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    publishedInputs: counts.get(row.id) ?? 0,
  }));
}

async function publishedInputCounts(db: Db, consultationIds: string[]): Promise<Map<string, number>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await db
    .select({ consultationId: inputs.consultationId, total: count() })
    .from(inputs)
    .where(and(inArray(inputs.consultationId, consultationIds), eq(inputs.status, 'published'), isNull(inputs.parentId)))
    .groupBy(inputs.consultationId);
  return new Map(rows.map((row) => [row.consultationId, row.total]));
}

/** For staff pages: every consultation, with its initiative, the most recently changed first. */
export async function listAllConsultations(db: Db): Promise<Array<Consultation & { initiativeTitle: string }>> {
  return db
    .select({ ...consultationColumns, initiativeTitle: initiatives.title })
    .from(consultations)
    .innerJoin(initiatives, eq(initiatives.id, consultations.initiativeId))
    .orderBy(desc(consultations.updatedAt), asc(consultations.title));
}
