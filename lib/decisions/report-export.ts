// The public "you said, we did" report as downloadable files: CSV (one row per input)
// and JSON (the figures, the decisions, the themes and the inputs). Pure, so the exact
// output is unit-tested. Values are codes, not translated labels, so a file reads the
// same whatever the language of whoever downloaded it. No person is named: an input is
// identified by its number, and only an organization's name is given.
import { csvDocument } from '@/lib/export/csv';
import { accountabilityCoverage, countByOutcome, countByParticipant, participantKind, participationBalance, stakeholderCategoryOf } from './figures';
import type { DecisionView, PublishedInputView, ThemeView } from './queries';

export type ReportFormat = 'csv' | 'json';

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ReportExportContext {
  consultation: { id: string; title: string };
  /** Published decisions only. */
  decisions: readonly DecisionView[];
  inputs: readonly PublishedInputView[];
  themes: readonly ThemeView[];
  generatedAt: Date;
}

const CSV_COLUMNS = [
  'input_number',
  'input_kind',
  'input_title',
  'participant_kind',
  'stakeholder_category',
  'organization',
  'theme',
  'outcome',
  'explanation',
  'answered_at',
  'revision',
  'decisions',
] as const;

const round4 = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));

function decisionTitles(context: ReportExportContext, decisionIds: readonly string[]): string[] {
  return context.decisions.filter((decision) => decisionIds.includes(decision.id)).map((decision) => decision.title);
}

function csvReport(context: ReportExportContext): string {
  return csvDocument(
    CSV_COLUMNS,
    context.inputs.map((input) => [
      input.number,
      input.kind,
      input.title,
      participantKind(input),
      stakeholderCategoryOf(input),
      input.organization?.name ?? null,
      input.theme?.title ?? null,
      input.response?.outcome ?? 'unanswered',
      input.response?.explanation ?? null,
      input.response?.updatedAt.toISOString() ?? null,
      input.response?.revision ?? null,
      input.response ? decisionTitles(context, input.response.decisionIds).join(' | ') : null,
    ]),
  );
}

function jsonReport(context: ReportExportContext): string {
  const coverage = accountabilityCoverage(context.inputs);
  const report = {
    consultation: context.consultation,
    generatedAt: context.generatedAt.toISOString(),
    coverage: { ...coverage, share: round4(coverage.share) },
    outcomes: countByOutcome(context.inputs),
    participants: countByParticipant(context.inputs),
    balance: participationBalance(context.inputs).map((row) => ({
      ...row,
      inputShare: round4(row.inputShare),
      shapingShare: round4(row.shapingShare),
      influenceGap: round4(row.influenceGap),
    })),
    decisions: context.decisions.map((decision) => ({
      id: decision.id,
      title: decision.title,
      summary: decision.summary,
      decidingBody: decision.decidingBody,
      decidedOn: decision.decidedOn,
      publishedAt: decision.publishedAt?.toISOString() ?? null,
      unansweredAtPublication: decision.unansweredAtPublication,
      unansweredReason: decision.unansweredReason,
    })),
    // A theme whose inputs were all hidden since says nothing the public may read.
    themes: context.themes
      .filter((theme) => context.inputs.some((input) => input.theme?.id === theme.id))
      .map((theme) => ({
      id: theme.id,
      title: theme.title,
      outcome: theme.response?.outcome ?? null,
      explanation: theme.response?.explanation ?? null,
      inputNumbers: context.inputs.filter((input) => input.theme?.id === theme.id).map((input) => input.number),
    })),
    inputs: context.inputs.map((input) => ({
      number: input.number,
      kind: input.kind,
      title: input.title,
      participantKind: participantKind(input),
      stakeholderCategory: stakeholderCategoryOf(input),
      organization: input.organization?.name ?? null,
      theme: input.theme?.title ?? null,
      response: input.response
        ? {
            outcome: input.response.outcome,
            explanation: input.response.explanation,
            answeredAt: input.response.updatedAt.toISOString(),
            revision: input.response.revision,
            viaTheme: input.respondedVia === 'theme',
            decisions: decisionTitles(context, input.response.decisionIds),
          }
        : null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function exportReport(context: ReportExportContext, format: ReportFormat): { body: string; contentType: string; fileName: string } {
  const day = context.generatedAt.toISOString().slice(0, 10);
  return {
    body: format === 'csv' ? csvReport(context) : jsonReport(context),
    contentType: REPORT_CONTENT_TYPES[format],
    fileName: `you-said-we-did-${context.consultation.id}-${day}.${format}`,
  };
}
