// Consultations in any state for integration tests, written straight into the tables
// so a test can start from "open for a week" without waiting for the calendar.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db';
import { consultationDocuments, consultations, grievanceChannels, initiatives } from '@/db/schema';
import { storeTrustedFile } from '@/lib/documents/storage';
import type { ConsultationStatus, ModerationMode } from '@/lib/consultations/vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TestConsultation {
  id: string;
  initiativeId: string;
  initiativeSlug: string;
}

/**
 * An active initiative of its own, so tests sharing a database never collide. It has
 * a grievance channel, as a consultation needs before it can open, unless a test asks
 * for one without.
 */
export async function createTestInitiative(db: Db, { withGrievanceChannel = true }: { withGrievanceChannel?: boolean } = {}): Promise<{ id: string; slug: string }> {
  const slug = `test-initiative-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(initiatives)
    .values({ slug, title: `Test initiative ${slug}`, summary: 'An initiative made by a test.', status: 'active', responsibleUnit: 'Test Unit' })
    .returning({ id: initiatives.id, slug: initiatives.slug });
  if (withGrievanceChannel) {
    await db.insert(grievanceChannels).values({ initiativeId: row!.id, name: `Grievances: ${slug}`, offlineInstructions: 'Write to the Test Unit, 1 Test Street.' });
  }
  return row!;
}

/**
 * A consultation in `status`, with dates around `now` that fit it: informed 10 days
 * ago, opened 2 days ago, closing in 5 days (for `closed`, closed yesterday).
 */
export async function createTestConsultation(
  db: Db,
  {
    status = 'open',
    moderationMode = 'post',
    now = new Date(),
    withDocument = true,
    initiativeId,
  }: { status?: ConsultationStatus; moderationMode?: ModerationMode; now?: Date; withDocument?: boolean; initiativeId?: string } = {},
): Promise<TestConsultation> {
  const initiative = initiativeId ? { id: initiativeId, slug: '' } : await createTestInitiative(db);
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const closed = status === 'closed';
  const [consultation] = await db
    .insert(consultations)
    .values({
      initiativeId: initiative.id,
      title: `Test consultation (${status})`,
      questions: ['What should change first?'],
      scope: 'Everything about the test can still change.',
      level: 'consult',
      status,
      moderationMode,
      informationAt: at(-10),
      opensAt: at(closed ? -8 : -2),
      closesAt: at(closed ? -1 : 5),
      informationStartedAt: status === 'draft' ? null : at(-10),
      openedAt: status === 'open' || closed ? at(closed ? -8 : -2) : null,
      closedAt: closed ? at(-1) : null,
    })
    .returning({ id: consultations.id });
  if (withDocument) await addTestDocument(db, consultation!.id, at(-10));
  return { id: consultation!.id, initiativeId: initiative.id, initiativeSlug: initiative.slug };
}

/** A background document (a tiny PDF) uploaded at `uploadedAt`. */
export async function addTestDocument(db: Db, consultationId: string, uploadedAt: Date): Promise<string> {
  const bytes = new TextEncoder().encode('%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const { fileId } = await storeTrustedFile(db, new Blob([bytes]));
  const [document] = await db
    .insert(consultationDocuments)
    .values({ consultationId, title: 'Background report', fileName: 'background.pdf', contentType: 'application/pdf', byteSize: bytes.byteLength, fileId, uploadedAt })
    .returning({ id: consultationDocuments.id });
  return document!.id;
}
