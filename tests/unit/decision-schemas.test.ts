// The response, theme and decision forms as a person fills them in: every value
// arrives as the text of a form field (ticked checkboxes as one string or a list), and
// every refusal is a message key next to the field it concerns.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createDecisionSchema, createThemeSchema, publishDecisionSchema, respondSchema, updateDecisionSchema } from '@/lib/decisions/schemas';

/** The first message per field, as the form shows them; null when the form is accepted. */
function refusals(schema: z.ZodType, values: Record<string, unknown>): Record<string, string> | null {
  const result = schema.safeParse(values);
  if (result.success) return null;
  const messages: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    messages[field] ??= issue.message;
  }
  return messages;
}

const EXPLANATION = 'Trees are planted on the south side; the north side keeps its stalls.';

describe('a response', () => {
  const inputId = randomUUID();
  const answer = { inputId, outcome: 'partly_adopted', explanation: EXPLANATION };

  it('is accepted with an outcome, an explanation of a sentence, and no decision ticked', () => {
    expect(respondSchema.parse(answer)).toEqual({ ...answer, decisionIds: [] });
  });

  it('needs an outcome, one of the four', () => {
    expect(refusals(respondSchema, { inputId, explanation: EXPLANATION })).toEqual({ outcome: 'response.outcomeRequired' });
    expect(refusals(respondSchema, { ...answer, outcome: 'maybe' })).toEqual({ outcome: 'response.outcomeRequired' });
  });

  it('needs an explanation of at least 20 characters, spaces around it not counted', () => {
    expect(refusals(respondSchema, { ...answer, explanation: 'Not adopted, sorry.' })).toEqual({ explanation: 'response.explanationTooShort' });
    expect(refusals(respondSchema, { ...answer, explanation: `   ${'x'.repeat(19)}   ` })).toEqual({ explanation: 'response.explanationTooShort' });
    expect(respondSchema.parse({ ...answer, explanation: `  ${'x'.repeat(20)}\n` }).explanation).toBe('x'.repeat(20));
  });

  it('answers either an input or a theme: not both, and not neither', () => {
    const { inputId: _omitted, ...withoutSubject } = answer;
    expect(refusals(respondSchema, withoutSubject)).toEqual({ form: 'response.subjectMissing' });
    expect(refusals(respondSchema, { ...answer, themeId: randomUUID() })).toEqual({ form: 'response.subjectMissing' });
    expect(respondSchema.parse({ ...withoutSubject, themeId: inputId })).toMatchObject({ themeId: inputId, outcome: 'partly_adopted' });
  });

  it('takes one ticked decision (a string) or several (a list)', () => {
    const [first, second] = [randomUUID(), randomUUID()];
    expect(respondSchema.parse({ ...answer, decisionIds: first }).decisionIds).toEqual([first]);
    expect(respondSchema.parse({ ...answer, decisionIds: [first, second] }).decisionIds).toEqual([first, second]);
    expect(respondSchema.parse({ ...answer, decisionIds: '' }).decisionIds).toEqual([]);
    expect(refusals(respondSchema, { ...answer, decisionIds: ['not-a-decision'] })).toEqual({ decisionIds: 'decision.notFound' });
  });

  it('reads the revision the form was opened on as a number', () => {
    expect(respondSchema.parse({ ...answer, expectedRevision: '2' }).expectedRevision).toBe(2);
    expect(respondSchema.parse({ ...answer, expectedRevision: '0' }).expectedRevision).toBe(0);
  });
});

describe('a theme', () => {
  const consultationId = randomUUID();

  it('groups at least one ticked input', () => {
    expect(refusals(createThemeSchema, { consultationId, title: 'Benches' })).toEqual({ inputIds: 'theme.inputsRequired' });
    expect(refusals(createThemeSchema, { consultationId, title: 'Benches', inputIds: '' })).toEqual({ inputIds: 'theme.inputsRequired' });
    expect(refusals(createThemeSchema, { consultationId, title: 'Benches', inputIds: [] })).toEqual({ inputIds: 'theme.inputsRequired' });
  });

  it('takes one ticked input or several', () => {
    const [first, second] = [randomUUID(), randomUUID()];
    expect(createThemeSchema.parse({ consultationId, title: 'Benches', inputIds: first })).toEqual({ consultationId, title: 'Benches', inputIds: [first] });
    expect(createThemeSchema.parse({ consultationId, title: 'Benches', inputIds: [first, second] }).inputIds).toEqual([first, second]);
  });

  it('needs a title of at least 3 characters', () => {
    expect(refusals(createThemeSchema, { consultationId, title: ' a ', inputIds: randomUUID() })).toEqual({ title: 'theme.titleRequired' });
  });
});

describe('publishing a decision', () => {
  const decisionId = randomUUID();

  it('treats a blank reason as no reason', () => {
    expect(publishDecisionSchema.parse({ decisionId, unansweredReason: '   \n ' })).toEqual({ decisionId });
    expect(publishDecisionSchema.parse({ decisionId, unansweredReason: '' }).unansweredReason).toBeUndefined();
    expect(publishDecisionSchema.parse({ decisionId }).unansweredReason).toBeUndefined();
  });

  it('refuses a reason shorter than a sentence, and keeps one that is long enough', () => {
    expect(refusals(publishDecisionSchema, { decisionId, unansweredReason: 'Out of time.' })).toEqual({ unansweredReason: 'decision.unansweredReasonTooShort' });
    const reason = 'Two late objections are still being checked with the heritage office.';
    expect(publishDecisionSchema.parse({ decisionId, unansweredReason: ` ${reason} ` })).toEqual({ decisionId, unansweredReason: reason });
  });
});

describe('a decision', () => {
  const fields = {
    title: 'Plaza Mayor layout',
    summary: 'Trees on the south side, benches in the shade.',
    body: 'The city council adopts the layout with a row of trees on the south side.',
    decidingBody: 'City council',
    decidedOn: '2026-05-04',
  };

  it('is accepted with every field filled in', () => {
    const consultationId = randomUUID();
    expect(createDecisionSchema.parse({ ...fields, consultationId })).toEqual({ ...fields, consultationId });
  });

  it('is dated on a real calendar day', () => {
    const decisionId = randomUUID();
    for (const decidedOn of ['2026-04-31', '2026-02-29', '2026-13-01', '04/05/2026', '']) {
      expect(refusals(updateDecisionSchema, { ...fields, decisionId, decidedOn })).toEqual({ decidedOn: 'decision.decidedOnInvalid' });
    }
    expect(updateDecisionSchema.parse({ ...fields, decisionId, decidedOn: '2024-02-29' }).decidedOn).toBe('2024-02-29');
    expect(refusals(updateDecisionSchema, { ...fields, decisionId, decidedOn: undefined })).toEqual({ decidedOn: 'decision.decidedOnInvalid' });
  });

  it('was taken by today, not later', () => {
    const decisionId = randomUUID();
    expect(refusals(updateDecisionSchema, { ...fields, decisionId, decidedOn: '2999-01-01' })).toEqual({ decidedOn: 'decision.decidedOnInFuture' });
  });

  it('says which field is missing', () => {
    expect(refusals(createDecisionSchema, { consultationId: randomUUID(), title: '', summary: 'Short', body: 'Too short', decidingBody: '', decidedOn: '2026-05-04' })).toEqual({
      title: 'decision.titleRequired',
      summary: 'decision.summaryRequired',
      body: 'decision.bodyRequired',
      decidingBody: 'decision.decidingBodyRequired',
    });
  });
});
