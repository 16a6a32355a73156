// The "you said, we did" downloads, byte for byte where a spreadsheet reads them: what
// every input became, who took part, and never the name of a person.
import { describe, expect, it } from 'vitest';
import type { DecisionView, PublishedInputView, ResponseView, ThemeView } from '@/lib/decisions/queries';
import { exportReport, type ReportExportContext } from '@/lib/decisions/report-export';

const at = (iso: string) => new Date(iso);
const CONSULTATION = { id: '6f1c2a8e-1111-4222-8333-944455556666', title: 'Plaza Mayor: shade and seating' };
const DECISION_ID = '0b7e4c1d-2222-4333-8444-955566667777';
const THEME_ID = '1c8f5d2e-3333-4444-8555-a66677778888';

const decision: DecisionView = {
  id: DECISION_ID,
  consultationId: CONSULTATION.id,
  title: 'Plaza Mayor layout, final',
  summary: 'Trees on the south side, benches in the shade.',
  body: 'The city council adopts the layout with a row of trees on the south side.',
  decidingBody: 'City council',
  decidedOn: '2026-05-04',
  status: 'published',
  publishedAt: at('2026-05-05T08:00:00Z'),
  unansweredReason: 'Two late objections are being checked with the heritage office.',
  unansweredAtPublication: 1,
  createdAt: at('2026-05-01T08:00:00Z'),
  updatedAt: at('2026-05-05T08:00:00Z'),
  documents: [],
};

function answer(fields: Partial<ResponseView> & Pick<ResponseView, 'outcome' | 'explanation'>): ResponseView {
  return { id: `response-${fields.outcome}`, revision: 1, decisionIds: [DECISION_ID], createdAt: at('2026-05-02T10:00:00Z'), updatedAt: at('2026-05-02T10:00:00Z'), ...fields };
}

function input(fields: Partial<PublishedInputView> & Pick<PublishedInputView, 'id' | 'number' | 'title'>): PublishedInputView {
  return {
    kind: 'proposal',
    body: 'The text of the input.',
    channel: 'online',
    authorId: null,
    authorName: null,
    authorIsFormerParticipant: false,
    organization: null,
    organizationCategory: null,
    publishedAt: at('2026-04-10T09:00:00Z'),
    theme: null,
    response: null,
    respondedVia: null,
    outcome: null,
    ...fields,
  };
}

const shade = answer({ outcome: 'partly_adopted', explanation: 'Trees are planted on the south side; the north side keeps its market stalls.', revision: 2, updatedAt: at('2026-05-03T11:30:00Z') });
const benches = answer({ outcome: 'adopted', explanation: 'Twelve benches will stand under the new trees.' });

const inputs: PublishedInputView[] = [
  input({
    id: 'input-1',
    number: 1,
    title: 'Shade, please: "anything" green,\nsoon',
    authorId: 'user-rosa',
    authorName: 'Rosa Resident',
    response: shade,
    respondedVia: 'input',
    outcome: 'partly_adopted',
  }),
  input({
    id: 'input-2',
    number: 2,
    kind: 'comment',
    title: 'Benches for older people',
    channel: 'paper',
    authorName: 'Paula Paper',
    theme: { id: THEME_ID, title: 'Benches' },
    response: benches,
    respondedVia: 'theme',
    outcome: 'adopted',
  }),
  input({
    id: 'input-3',
    number: 3,
    title: 'More benches by the fountain',
    authorId: 'user-nina',
    authorName: 'Friends of the Plaza',
    organization: { id: 'org-1', name: 'Friends of the Plaza', category: 'ngo' },
    organizationCategory: 'ngo',
    theme: { id: THEME_ID, title: 'Benches' },
    response: benches,
    respondedVia: 'theme',
    outcome: 'adopted',
  }),
  input({ id: 'input-4', number: 4, kind: 'objection', title: 'Keep the parking spaces', authorId: 'user-oscar', authorName: 'Oscar Objector' }),
];

const themes: ThemeView[] = [{ id: THEME_ID, title: 'Benches', response: benches, inputIds: ['input-2', 'input-3'] }];

const context: ReportExportContext = { consultation: CONSULTATION, decisions: [decision], inputs, themes, generatedAt: at('2026-05-06T07:15:00Z') };

describe('the report as CSV', () => {
  const csv = exportReport(context, 'csv');

  it('has one row per input under a fixed header, quoting what needs quoting, with CRLF line ends', () => {
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('input_number,input_kind,input_title,participant_kind,stakeholder_category,organization,theme,outcome,explanation,answered_at,revision,decisions');
    expect(csv.body.slice(lines[0]!.length + 2)).toMatch(
      /^1,proposal,"Shade, please: ""anything"" green,\nsoon",resident,citizens,,,partly_adopted,/,
    );
    expect(csv.body).toContain(
      '1,proposal,"Shade, please: ""anything"" green,\nsoon",resident,citizens,,,partly_adopted,Trees are planted on the south side; the north side keeps its market stalls.,2026-05-03T11:30:00.000Z,2,"Plaza Mayor layout, final"\r\n',
    );
    expect(csv.body).toContain('2,comment,Benches for older people,assisted,citizens,,Benches,adopted,Twelve benches will stand under the new trees.,2026-05-02T10:00:00.000Z,1,"Plaza Mayor layout, final"\r\n');
    expect(csv.body).toContain('3,proposal,More benches by the fountain,organization,ngo,Friends of the Plaza,Benches,adopted,');
    expect(csv.body.endsWith('\r\n')).toBe(true);
  });

  it('says "unanswered" for an input without a response, and leaves its answer fields empty', () => {
    expect(csv.body).toContain('\r\n4,objection,Keep the parking spaces,resident,citizens,,,unanswered,,,,\r\n');
  });

  it('is named after the consultation and the day it was made', () => {
    expect(csv.fileName).toBe(`you-said-we-did-${CONSULTATION.id}-2026-05-06.csv`);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
  });
});

describe('the report as JSON', () => {
  const json = exportReport(context, 'json');
  const report = JSON.parse(json.body);

  it('holds the figures, the decisions, the themes and the inputs', () => {
    expect(Object.keys(report)).toEqual(['consultation', 'generatedAt', 'coverage', 'outcomes', 'participants', 'balance', 'decisions', 'themes', 'inputs']);
    expect(report.consultation).toEqual(CONSULTATION);
    expect(report.generatedAt).toBe('2026-05-06T07:15:00.000Z');
    expect(report.outcomes).toEqual({ unanswered: 1, adopted: 2, partly_adopted: 1, not_adopted: 0, noted: 0 });
    expect(report.participants).toEqual({ resident: 2, assisted: 1, organization: 1, organizationsByCategory: [{ category: 'ngo', inputs: 1 }] });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.fileName).toBe(`you-said-we-did-${CONSULTATION.id}-2026-05-06.json`);
  });

  it('rounds the coverage share to four decimals', () => {
    const twoOfThree = JSON.parse(exportReport({ ...context, inputs: inputs.slice(1) }, 'json').body);
    expect(twoOfThree.coverage).toEqual({ published: 3, answered: 2, unanswered: 1, share: 0.6667 });
    expect(report.coverage).toEqual({ published: 4, answered: 3, unanswered: 1, share: 0.75 });
  });

  it('rounds the balance shares as well', () => {
    expect(report.balance).toEqual([
      { category: 'citizens', inputs: 3, inputShare: 0.75, shaping: 2, shapingShare: 0.6667, influenceGap: -0.0833 },
      { category: 'ngo', inputs: 1, inputShare: 0.25, shaping: 1, shapingShare: 0.3333, influenceGap: 0.0833 },
    ]);
  });

  it('gives each decision with the reason for publishing it with inputs unanswered', () => {
    expect(report.decisions).toEqual([
      {
        id: DECISION_ID,
        title: 'Plaza Mayor layout, final',
        summary: 'Trees on the south side, benches in the shade.',
        decidingBody: 'City council',
        decidedOn: '2026-05-04',
        publishedAt: '2026-05-05T08:00:00.000Z',
        unansweredAtPublication: 1,
        unansweredReason: 'Two late objections are being checked with the heritage office.',
      },
    ]);
  });

  it('gives each theme its answer and the numbers of its inputs', () => {
    expect(report.themes).toEqual([{ id: THEME_ID, title: 'Benches', outcome: 'adopted', explanation: 'Twelve benches will stand under the new trees.', inputNumbers: [2, 3] }]);
  });

  it('gives each input its answer, saying whether it came through a theme', () => {
    expect(report.inputs[0]).toEqual({
      number: 1,
      kind: 'proposal',
      title: 'Shade, please: "anything" green,\nsoon',
      participantKind: 'resident',
      stakeholderCategory: 'citizens',
      organization: null,
      theme: null,
      response: {
        outcome: 'partly_adopted',
        explanation: 'Trees are planted on the south side; the north side keeps its market stalls.',
        answeredAt: '2026-05-03T11:30:00.000Z',
        revision: 2,
        viaTheme: false,
        decisions: ['Plaza Mayor layout, final'],
      },
    });
    expect(report.inputs[2]).toMatchObject({ number: 3, participantKind: 'organization', stakeholderCategory: 'ngo', organization: 'Friends of the Plaza', theme: 'Benches', response: { viaTheme: true } });
    expect(report.inputs[3]).toMatchObject({ number: 4, response: null });
  });

  it('names decisions only when they are in the report (published)', () => {
    const withoutDecision = JSON.parse(exportReport({ ...context, decisions: [] }, 'json').body);
    expect(withoutDecision.inputs[0].response.decisions).toEqual([]);
    expect(exportReport({ ...context, decisions: [] }, 'csv').body.split('\r\n')[1]!.endsWith(',2,')).toBe(true);
  });
});

describe('personal data', () => {
  it('never names a person, nor gives their account, in either file', () => {
    for (const format of ['csv', 'json'] as const) {
      const { body } = exportReport(context, format);
      for (const personal of ['Rosa Resident', 'Paula Paper', 'Oscar Objector', 'user-rosa', 'user-nina', 'user-oscar']) expect(body).not.toContain(personal);
      // An organization speaks publicly in its own name.
      expect(body).toContain('Friends of the Plaza');
    }
  });
});
