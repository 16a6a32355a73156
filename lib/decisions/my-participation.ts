// "My participation": everything a person gave to consultations (also input staff
// recorded for them and linked to their account), where moderation left it, and what
// the city answered, with the decisions it is tied to.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { consultations, decisions, inputResponses, inputs, inputThemeMembers, inputThemes, organizations, responseDecisions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorize } from '@/lib/auth/policy';
import { consultationPhase, type ConsultationPhase } from '@/lib/consultations/lifecycle';
import { consultationColumns } from '@/lib/consultations/queries';
import { signedInId } from '@/lib/inputs/context';
import type { InputChannel, InputKind, InputStatus } from '@/lib/inputs/vocabulary';
import { latestHides, type HideExplanation } from '@/lib/moderation/latest-hides';
import { earlierRevisions, type ResponseRevisionView } from './queries';
import type { ResponseOutcome } from './vocabulary';

export interface MyInput {
  id: string;
  number: number;
  kind: InputKind;
  title: string;
  status: InputStatus;
  channel: InputChannel;
  organizationName: string | null;
  createdAt: Date;
  hidden: HideExplanation | null;
  theme: string | null;
  response: {
    outcome: ResponseOutcome;
    explanation: string;
    revision: number;
    updatedAt: Date;
    viaTheme: boolean;
    earlier: ResponseRevisionView[];
    decisions: Array<{ id: string; title: string }>;
  } | null;
}

export interface MyConsultation {
  id: string;
  title: string;
  phase: ConsultationPhase;
  /** Its published decisions, whether or not an answer names them. */
  decisions: Array<{ id: string; title: string; decidedOn: string }>;
  inputs: MyInput[];
}

export async function listMyParticipation(db: Db, { actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<MyConsultation[]> {
  authorize(actor, 'participation.view');
  const userId = signedInId(actor);
  const themeResponses = alias(inputResponses, 'theme_responses');
  const rows = await db
    .select({
      id: inputs.id,
      number: inputs.number,
      kind: inputs.kind,
      title: inputs.title,
      status: inputs.status,
      channel: inputs.channel,
      organizationName: organizations.name,
      createdAt: inputs.createdAt,
      consultation: consultationColumns,
      theme: inputThemes.title,
      ownResponseId: inputResponses.id,
      themeResponseId: themeResponses.id,
    })
    .from(inputs)
    .innerJoin(consultations, eq(consultations.id, inputs.consultationId))
    .leftJoin(organizations, eq(organizations.id, inputs.organizationId))
    .leftJoin(inputResponses, eq(inputResponses.inputId, inputs.id))
    .leftJoin(inputThemeMembers, eq(inputThemeMembers.inputId, inputs.id))
    .leftJoin(inputThemes, eq(inputThemes.id, inputThemeMembers.themeId))
    .leftJoin(themeResponses, eq(themeResponses.themeId, inputThemeMembers.themeId))
    .where(and(eq(inputs.authorId, userId), isNull(inputs.parentId)))
    .orderBy(desc(inputs.createdAt))
    .limit(500);
  if (rows.length === 0) return [];

  // Its own answer, or else its theme's.
  const responseIdOf = (row: (typeof rows)[number]) => row.ownResponseId ?? row.themeResponseId;
  const responseIds = [...new Set(rows.map(responseIdOf).filter((id) => id !== null))];
  const responses =
    responseIds.length === 0
      ? []
      : await db
          .select({ id: inputResponses.id, outcome: inputResponses.outcome, explanation: inputResponses.explanation, revision: inputResponses.revision, updatedAt: inputResponses.updatedAt })
          .from(inputResponses)
          .where(inArray(inputResponses.id, responseIds));
  const consultationIds = [...new Set(rows.map((row) => row.consultation.id))];
  const published = await db
    .select({ id: decisions.id, title: decisions.title, decidedOn: decisions.decidedOn, consultationId: decisions.consultationId })
    .from(decisions)
    .where(and(inArray(decisions.consultationId, consultationIds), eq(decisions.status, 'published')))
    .orderBy(desc(decisions.decidedOn));
  const links =
    responseIds.length === 0
      ? []
      : await db
          .select({ responseId: responseDecisions.responseId, decisionId: responseDecisions.decisionId })
          .from(responseDecisions)
          .where(inArray(responseDecisions.responseId, responseIds));
  const earlier = await earlierRevisions(db, responses);
  const hides = await latestHides(db, rows.filter((row) => row.status === 'hidden').map((row) => row.id));

  const byConsultation = new Map<string, MyConsultation>();
  for (const row of rows) {
    const entry =
      byConsultation.get(row.consultation.id) ??
      ({
        id: row.consultation.id,
        title: row.consultation.title,
        phase: consultationPhase(row.consultation, now),
        decisions: published.filter((decision) => decision.consultationId === row.consultation.id).map(({ id, title, decidedOn }) => ({ id, title, decidedOn })),
        inputs: [],
      } satisfies MyConsultation);
    byConsultation.set(row.consultation.id, entry);
    // An input hidden after it was answered keeps its answer here: its author was told of it.
    const response = responses.find((candidate) => candidate.id === responseIdOf(row));
    entry.inputs.push({
      id: row.id,
      number: row.number,
      kind: row.kind!,
      title: row.title!,
      status: row.status,
      channel: row.channel,
      organizationName: row.organizationName,
      createdAt: row.createdAt,
      hidden: hides.get(row.id) ?? null,
      theme: row.theme,
      response: response
        ? {
            ...response,
            viaTheme: row.ownResponseId === null,
            earlier: earlier.get(response.id) ?? [],
            // Only published decisions: a draft is not a decision yet.
            decisions: links
              .filter((link) => link.responseId === response.id)
              .flatMap((link) => published.filter((decision) => decision.id === link.decisionId).map(({ id, title }) => ({ id, title }))),
          }
        : null,
    });
  }
  return [...byConsultation.values()];
}
