// The privacy notice and the terms of use: each published in numbered versions by an
// administrator, never edited in place, so what a person agreed to can always be shown.
// Consent is recorded per version with its time; a person whose versions are not the
// current ones is asked again before taking part (lib/auth/session.ts).
import { and, desc, eq, max } from 'drizzle-orm';
import type { Db } from '@/db';
import { consents, legalDocuments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/audit/record';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { DEFAULT_LEGAL_TEXTS } from './default-legal-texts';
import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from './vocabulary';

export interface LegalDocument {
  kind: LegalDocumentKind;
  version: number;
  body: string;
  changeSummary: string | null;
  publishedAt: Date;
}

export type CurrentLegalDocuments = Record<LegalDocumentKind, LegalDocument | null>;
/** The versions a person agrees to by one form: what the form showed them. */
export type AgreedVersions = Record<LegalDocumentKind, number>;

/** The latest version of one document, or null before any is published. */
export async function currentLegalDocument(db: Db, kind: LegalDocumentKind): Promise<LegalDocument | null> {
  const [document] = await db
    .select({ kind: legalDocuments.kind, version: legalDocuments.version, body: legalDocuments.body, changeSummary: legalDocuments.changeSummary, publishedAt: legalDocuments.publishedAt })
    .from(legalDocuments)
    .where(eq(legalDocuments.kind, kind))
    .orderBy(desc(legalDocuments.version))
    .limit(1);
  return document ?? null;
}

export async function currentLegalDocuments(db: Db): Promise<CurrentLegalDocuments> {
  const [privacyNotice, terms] = await Promise.all(LEGAL_DOCUMENT_KINDS.map((kind) => currentLegalDocument(db, kind)));
  return { privacy_notice: privacyNotice ?? null, terms: terms ?? null };
}

/** One version, for a link to what someone agreed to. */
export async function legalDocumentVersion(db: Db, kind: LegalDocumentKind, version: number): Promise<LegalDocument | null> {
  const [document] = await db
    .select({ kind: legalDocuments.kind, version: legalDocuments.version, body: legalDocuments.body, changeSummary: legalDocuments.changeSummary, publishedAt: legalDocuments.publishedAt })
    .from(legalDocuments)
    .where(and(eq(legalDocuments.kind, kind), eq(legalDocuments.version, version)))
    .limit(1);
  return document ?? null;
}

/** Every version of a document, newest first: the page of earlier versions. */
export async function legalDocumentHistory(db: Db, kind: LegalDocumentKind): Promise<Array<Omit<LegalDocument, 'body'>>> {
  return db
    .select({ kind: legalDocuments.kind, version: legalDocuments.version, changeSummary: legalDocuments.changeSummary, publishedAt: legalDocuments.publishedAt })
    .from(legalDocuments)
    .where(eq(legalDocuments.kind, kind))
    .orderBy(desc(legalDocuments.version));
}

/** An administrator publishes a new version; everyone is asked to agree to it. */
export async function publishLegalDocument(
  db: Db,
  { actor, kind, body, changeSummary, now = new Date() }: { actor: Actor; kind: LegalDocumentKind; body: string; changeSummary: string | null; now?: Date },
): Promise<LegalDocument> {
  authorize(actor, 'legal.publish');
  const admin = actor as Extract<Actor, { kind: 'user' }>;
  try {
    return await db.transaction(async (tx) => {
      const [latest] = await tx.select({ version: max(legalDocuments.version) }).from(legalDocuments).where(eq(legalDocuments.kind, kind));
      const version = (latest?.version ?? 0) + 1;
      const [published] = await tx
        .insert(legalDocuments)
        .values({ kind, version, body, changeSummary, publishedAt: now, publishedBy: admin.id })
        .returning({ kind: legalDocuments.kind, version: legalDocuments.version, body: legalDocuments.body, changeSummary: legalDocuments.changeSummary, publishedAt: legalDocuments.publishedAt });
      await recordAudit(tx, { actor: admin, action: 'legal_document_published', subjectType: 'legal_document', details: { kind, version }, now });
      return published!;
    });
  } catch (error) {
    // Two administrators publishing at once: the unique version decides, the second is told.
    if (isUniqueViolation(error)) throw new AppError('conflict', { fieldErrors: { form: 'legalDocumentPublishedMeanwhile' } });
    throw error;
  }
}

/**
 * Records that a person agreed to the versions their form showed. Refused when a newer
 * version was published meanwhile: they must read it first. With no account yet
 * (`userId` null) it only checks.
 */
export async function recordConsent(db: Db, { userId, agreed, now = new Date() }: { userId: string | null; agreed: AgreedVersions; now?: Date }): Promise<void> {
  const current = await currentLegalDocuments(db);
  for (const kind of LEGAL_DOCUMENT_KINDS) {
    const document = current[kind];
    if (document && document.version !== agreed[kind]) throw new AppError('conflict', { fieldErrors: { form: 'legalDocumentsChanged' } });
  }
  if (userId === null) return;
  const rows = LEGAL_DOCUMENT_KINDS.filter((kind) => current[kind] !== null).map((kind) => ({ userId, kind, version: agreed[kind], acceptedAt: now }));
  if (rows.length > 0) await db.insert(consents).values(rows).onConflictDoNothing();
}

/** What a person agreed to and when, oldest first: for their data export and account page. */
export async function consentsOf(db: Db, userId: string): Promise<Array<{ kind: LegalDocumentKind; version: number; acceptedAt: Date }>> {
  return db
    .select({ kind: consents.kind, version: consents.version, acceptedAt: consents.acceptedAt })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(consents.acceptedAt, consents.kind);
}

/**
 * A new site starts with the texts shipped in default-legal-texts.ts as version 1, so
 * that nobody signs up without a privacy notice; administrators adapt them. Safe to run
 * by several processes at once (the unique version decides).
 */
export async function ensureLegalDocuments(db: Db, now = new Date()): Promise<void> {
  for (const kind of LEGAL_DOCUMENT_KINDS) {
    if (await currentLegalDocument(db, kind)) continue;
    await db.insert(legalDocuments).values({ kind, version: 1, body: DEFAULT_LEGAL_TEXTS[kind], publishedAt: now }).onConflictDoNothing();
  }
}
