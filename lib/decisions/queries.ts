// Reading what became of a consultation's inputs: each published input with the answer
// that applies to it (its own, or its theme's), the consultation's decisions, and the
// earlier wordings of answers. Pages and exports read through here only.
import { publicNameOf } from '@/lib/accounts/public-name';
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { decisionDocuments, decisions, inputResponses, inputs, inputThemeMembers, inputThemes, organizations, responseDecisions, responseRevisions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { authorDisplay } from '@/lib/inputs/author-display';
import type { InputChannel, InputKind } from '@/lib/inputs/vocabulary';
import type { StakeholderCategory } from '@/lib/stakeholders/vocabulary';
import type { AnsweredInput, Coverage } from './figures';
import type { DecisionStatus, ResponseOutcome } from './vocabulary';
import { isUuid } from '@/lib/validation/uuid';

export interface ResponseView {
  id: string;
  outcome: ResponseOutcome;
  explanation: string;
  revision: number;
  /** Decisions it is tied to; only published ones for people who are not staff. */
  decisionIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ResponseRevisionView {
  revision: number;
  outcome: ResponseOutcome;
  explanation: string;
  createdAt: Date;
}

export interface PublishedInputView extends AnsweredInput {
  id: string;
  number: number;
  kind: InputKind;
  title: string;
  body: string;
  channel: InputChannel;
  authorId: string | null;
  /** As lib/inputs/author-display.ts shows it: never an e-mail. */
  authorName: string | null;
  /** Online input whose account was deleted. */
  authorIsFormerParticipant: boolean;
  organization: { id: string; name: string; category: StakeholderCategory } | null;
  publishedAt: Date;
  theme: { id: string; title: string } | null;
  /** Its own response, or its theme's; null while unanswered. */
  response: ResponseView | null;
  respondedVia: 'input' | 'theme' | null;
}

export interface ThemeView {
  id: string;
  title: string;
  response: ResponseView | null;
  inputIds: string[];
}

export interface DecisionDocumentView {
  id: string;
  title: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  uploadedAt: Date;
}

export interface DecisionView {
  id: string;
  consultationId: string;
  title: string;
  summary: string;
  body: string;
  decidingBody: string;
  decidedOn: string;
  status: DecisionStatus;
  publishedAt: Date | null;
  unansweredReason: string | null;
  unansweredAtPublication: number | null;
  createdAt: Date;
  updatedAt: Date;
  documents: DecisionDocumentView[];
}

const decisionColumns = {
  id: decisions.id,
  consultationId: decisions.consultationId,
  title: decisions.title,
  summary: decisions.summary,
  body: decisions.body,
  decidingBody: decisions.decidingBody,
  decidedOn: decisions.decidedOn,
  status: decisions.status,
  publishedAt: decisions.publishedAt,
  unansweredReason: decisions.unansweredReason,
  unansweredAtPublication: decisions.unansweredAtPublication,
  createdAt: decisions.createdAt,
  updatedAt: decisions.updatedAt,
};

async function documentsOf(db: Db, decisionIds: readonly string[]): Promise<Map<string, DecisionDocumentView[]>> {
  const byDecision = new Map<string, DecisionDocumentView[]>();
  if (decisionIds.length === 0) return byDecision;
  const rows = await db
    .select({
      decisionId: decisionDocuments.decisionId,
      id: decisionDocuments.id,
      title: decisionDocuments.title,
      fileName: decisionDocuments.fileName,
      contentType: decisionDocuments.contentType,
      byteSize: decisionDocuments.byteSize,
      uploadedAt: decisionDocuments.uploadedAt,
    })
    .from(decisionDocuments)
    .where(inArray(decisionDocuments.decisionId, [...decisionIds]))
    .orderBy(asc(decisionDocuments.uploadedAt));
  for (const { decisionId, ...document } of rows) byDecision.set(decisionId, [...(byDecision.get(decisionId) ?? []), document]);
  return byDecision;
}

/** The consultation's decisions the actor may see (drafts for staff), the latest decided first. */
export async function listDecisions(db: Db, { actor, consultationId }: { actor: Actor; consultationId: string }): Promise<DecisionView[]> {
  const seesDrafts = can(actor, 'decision.view', { isPublished: false });
  const rows = await db
    .select(decisionColumns)
    .from(decisions)
    .where(and(eq(decisions.consultationId, consultationId), seesDrafts ? undefined : eq(decisions.status, 'published')))
    .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt));
  const documents = await documentsOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, documents: documents.get(row.id) ?? [] }));
}

/** Matches no row: `in ()` is not valid SQL. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** One decision, or null when it does not exist or the actor may not see it. */
export async function findDecision(db: Db, { actor, decisionId }: { actor: Actor; decisionId: string }): Promise<DecisionView | null> {
  if (!isUuid(decisionId)) return null;
  const [row] = await db.select(decisionColumns).from(decisions).where(eq(decisions.id, decisionId)).limit(1);
  if (!row || !can(actor, 'decision.view', { isPublished: row.status === 'published' })) return null;
  const documents = await documentsOf(db, [row.id]);
  return { ...row, documents: documents.get(row.id) ?? [] };
}

/** The decision a stored document belongs to, for its download route. */
export async function findDecisionDocument(db: Db, documentId: string) {
  if (!isUuid(documentId)) return null;
  const [row] = await db
    .select({
      id: decisionDocuments.id,
      fileName: decisionDocuments.fileName,
      contentType: decisionDocuments.contentType,
      fileId: decisionDocuments.fileId,
      decisionStatus: decisions.status,
      consultationId: decisions.consultationId,
    })
    .from(decisionDocuments)
    .innerJoin(decisions, eq(decisions.id, decisionDocuments.decisionId))
    .where(eq(decisionDocuments.id, documentId))
    .limit(1);
  return row ?? null;
}

/** Responses of the consultation by subject, with the decisions each is tied to. */
async function responsesOf(db: Db, consultationId: string, visibleDecisionIds: ReadonlySet<string> | null) {
  const rows = await db
    .select({
      id: inputResponses.id,
      inputId: inputResponses.inputId,
      themeId: inputResponses.themeId,
      outcome: inputResponses.outcome,
      explanation: inputResponses.explanation,
      revision: inputResponses.revision,
      createdAt: inputResponses.createdAt,
      updatedAt: inputResponses.updatedAt,
    })
    .from(inputResponses)
    .where(eq(inputResponses.consultationId, consultationId));
  const links = rows.length === 0 ? [] : await db.select().from(responseDecisions).where(inArray(responseDecisions.responseId, rows.map((row) => row.id)));
  const byInput = new Map<string, ResponseView>();
  const byTheme = new Map<string, ResponseView>();
  for (const { inputId, themeId, ...row } of rows) {
    const decisionIds = links
      .filter((link) => link.responseId === row.id && (visibleDecisionIds === null || visibleDecisionIds.has(link.decisionId)))
      .map((link) => link.decisionId);
    const response = { ...row, decisionIds };
    if (inputId !== null) byInput.set(inputId, response);
    if (themeId !== null) byTheme.set(themeId, response);
  }
  return { byInput, byTheme };
}

export interface ConsultationAnswers {
  inputs: PublishedInputView[];
  themes: ThemeView[];
}

/**
 * Every published input of the consultation (not the replies in its threads) with the
 * answer that applies to it, and the themes. For people who are not staff, responses
 * link only to published decisions.
 */
export async function loadConsultationAnswers(
  db: Db,
  { actor, consultationId, inputIds }: { actor: Actor; consultationId: string; /** Only these inputs (a page of them); themes are still all listed. */ inputIds?: readonly string[] },
): Promise<ConsultationAnswers> {
  const seesDrafts = can(actor, 'decision.view', { isPublished: false });
  const visibleDecisionIds = seesDrafts
    ? null
    : new Set((await db.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.consultationId, consultationId), eq(decisions.status, 'published')))).map((row) => row.id));
  const account = alias(users, 'account');
  const rows = await db
    .select({
      id: inputs.id,
      number: inputs.number,
      kind: inputs.kind,
      title: inputs.title,
      body: inputs.body,
      channel: inputs.channel,
      authorId: inputs.authorId,
      participantName: inputs.participantName,
      accountName: publicNameOf(account),
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationCategory: organizations.category,
      publishedAt: inputs.publishedAt,
      createdAt: inputs.createdAt,
      themeId: inputThemes.id,
      themeTitle: inputThemes.title,
    })
    .from(inputs)
    .leftJoin(account, eq(account.id, inputs.authorId))
    .leftJoin(organizations, eq(organizations.id, inputs.organizationId))
    .leftJoin(inputThemeMembers, eq(inputThemeMembers.inputId, inputs.id))
    .leftJoin(inputThemes, eq(inputThemes.id, inputThemeMembers.themeId))
    .where(
      and(
        eq(inputs.consultationId, consultationId),
        eq(inputs.status, 'published'),
        isNull(inputs.parentId),
        inputIds === undefined ? undefined : inArray(inputs.id, inputIds.length > 0 ? [...inputIds] : [NO_ID]),
      ),
    )
    .orderBy(asc(inputs.number));
  const { byInput, byTheme } = await responsesOf(db, consultationId, visibleDecisionIds);
  const themeRows = await db.select({ id: inputThemes.id, title: inputThemes.title }).from(inputThemes).where(eq(inputThemes.consultationId, consultationId)).orderBy(asc(inputThemes.createdAt));

  const published = rows.map((row): PublishedInputView => {
    const own = byInput.get(row.id) ?? null;
    const viaTheme = row.themeId !== null ? (byTheme.get(row.themeId) ?? null) : null;
    const organization =
      row.organizationId !== null && row.organizationName !== null && row.organizationCategory !== null
        ? { id: row.organizationId, name: row.organizationName, category: row.organizationCategory }
        : null;
    const response = own ?? viaTheme;
    return {
      id: row.id,
      number: row.number,
      // Top-level inputs always have both (a check constraint says so).
      kind: row.kind!,
      title: row.title!,
      body: row.body,
      channel: row.channel,
      authorId: row.authorId,
      ...(({ name, isFormerParticipant }) => ({ authorName: name, authorIsFormerParticipant: isFormerParticipant }))(
        authorDisplay({ channel: row.channel, participantName: row.participantName, organizationName: row.organizationName, accountName: row.accountName }),
      ),
      organization,
      organizationCategory: organization?.category ?? null,
      publishedAt: row.publishedAt ?? row.createdAt,
      theme: row.themeId !== null && row.themeTitle !== null ? { id: row.themeId, title: row.themeTitle } : null,
      response,
      respondedVia: own ? 'input' : viaTheme ? 'theme' : null,
      outcome: response?.outcome ?? null,
    };
  });
  const themes = themeRows.map((theme) => ({
    ...theme,
    response: byTheme.get(theme.id) ?? null,
    inputIds: published.filter((input) => input.theme?.id === theme.id).map((input) => input.id),
  }));
  return { inputs: published, themes };
}

/** Published inputs of the consultation with no answer of their own nor through a theme. */
export async function countUnanswered(tx: Db, consultationId: string): Promise<number> {
  const themeResponses = alias(inputResponses, 'theme_responses');
  const [row] = await tx
    .select({ unanswered: count() })
    .from(inputs)
    .leftJoin(inputResponses, eq(inputResponses.inputId, inputs.id))
    .leftJoin(inputThemeMembers, eq(inputThemeMembers.inputId, inputs.id))
    .leftJoin(themeResponses, eq(themeResponses.themeId, inputThemeMembers.themeId))
    .where(and(eq(inputs.consultationId, consultationId), eq(inputs.status, 'published'), isNull(inputs.parentId), isNull(inputResponses.id), isNull(themeResponses.id)));
  return row?.unanswered ?? 0;
}

/** How many published inputs have an answer, counted in the database (no input is loaded). */
export async function loadCoverage(db: Db, consultationId: string): Promise<Coverage> {
  const [row] = await db
    .select({ published: count() })
    .from(inputs)
    .where(and(eq(inputs.consultationId, consultationId), eq(inputs.status, 'published'), isNull(inputs.parentId)));
  const published = row?.published ?? 0;
  const unanswered = await countUnanswered(db, consultationId);
  return { published, answered: published - unanswered, unanswered, share: published === 0 ? null : (published - unanswered) / published };
}

/** Earlier wordings (every revision before the current one) of the given responses. */
export async function earlierRevisions(db: Db, responses: readonly Pick<ResponseView, 'id' | 'revision'>[]): Promise<Map<string, ResponseRevisionView[]>> {
  const revised = responses.filter((response) => response.revision > 1);
  const byResponse = new Map<string, ResponseRevisionView[]>();
  if (revised.length === 0) return byResponse;
  const current = new Map(revised.map((response) => [response.id, response.revision]));
  const rows = await db
    .select({
      responseId: responseRevisions.responseId,
      revision: responseRevisions.revision,
      outcome: responseRevisions.outcome,
      explanation: responseRevisions.explanation,
      createdAt: responseRevisions.createdAt,
    })
    .from(responseRevisions)
    .where(inArray(responseRevisions.responseId, [...current.keys()]))
    .orderBy(desc(responseRevisions.revision));
  for (const { responseId, ...revision } of rows) {
    if (revision.revision >= (current.get(responseId) ?? 0)) continue;
    byResponse.set(responseId, [...(byResponse.get(responseId) ?? []), revision]);
  }
  return byResponse;
}
