// A step refused on a page that is out of date: answered with why, the typed text and the
// stage now only when the case really moved on since the page showed it; every other
// refusal stands as it is.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { answerIfMovedOn, caseStage, type MovedOnQuestion } from '@/lib/grievances/case-stage';
import messages from '@/lib/i18n/messages/en/core.json';

const wrongStatus = new AppError('conflict', { fieldErrors: { form: 'grievance.wrongStatus' } });
const shown = caseStage({ status: 'resolution_proposed', eventCount: 5 });
const now = caseStage({ status: 'resolved', eventCount: 6 });

function question(overrides: Partial<MovedOnQuestion> = {}): MovedOnQuestion {
  return {
    error: wrongStatus,
    stageShown: shown,
    stageNow: async () => now,
    values: { reference: 'GR-7KQ4M-9XD2A', message: 'Thank you, this settles it.' },
    shownTo: 'complainant',
    ...overrides,
  };
}

describe('a case’s stage', () => {
  it('changes with the status and with every event', () => {
    expect(shown).toBe('resolution_proposed-5');
    expect(caseStage({ status: 'resolution_proposed', eventCount: 6 })).not.toBe(shown);
    expect(caseStage({ status: 'resolved', eventCount: 5 })).not.toBe(shown);
  });
});

describe('the answer to a step refused on an out-of-date page', () => {
  it('says the case moved on, keeps the text and carries the stage now', async () => {
    expect(await answerIfMovedOn(question())).toEqual({
      status: 'error',
      message: 'errors.conflict',
      fieldErrors: { form: 'grievance.caseMovedOnWhileOpen' },
      values: { reference: 'GR-7KQ4M-9XD2A', message: 'Thank you, this settles it.', stage: now },
    });
  });

  it('speaks to each side with a message of the catalogue', async () => {
    const forComplainant = await answerIfMovedOn(question());
    const forHandler = await answerIfMovedOn(question({ shownTo: 'handler', values: { grievanceId: 'id', step: 'close', message: 'Closing.' } }));
    expect(forHandler?.fieldErrors).toEqual({ form: 'grievance.caseMovedOn' });
    expect(forHandler?.values).toEqual({ grievanceId: 'id', step: 'close', message: 'Closing.', stage: now });
    for (const key of [forComplainant?.fieldErrors.form, forHandler?.fieldErrors.form]) {
      const [, refusal] = key!.split('.');
      expect(messages.validation.grievance).toHaveProperty(refusal!, expect.stringContaining('your text is kept'));
    }
  });

  it('lets the refusal stand when the case is where the page showed it, or is gone', async () => {
    expect(await answerIfMovedOn(question({ stageNow: async () => shown }))).toBeNull();
    expect(await answerIfMovedOn(question({ stageNow: async () => null }))).toBeNull();
  });

  it('does not look at the case for a form without a stage, or for what is no refusal of the stage', async () => {
    const stageNow = vi.fn(async () => now);
    expect(await answerIfMovedOn(question({ stageNow, stageShown: undefined }))).toBeNull();
    const tooShort = new AppError('bad_request', { fieldErrors: { message: 'grievance.explanationRequired' } });
    expect(await answerIfMovedOn(question({ stageNow, error: tooShort }))).toBeNull();
    expect(await answerIfMovedOn(question({ stageNow, error: new AppError('not_found') }))).toBeNull();
    expect(await answerIfMovedOn(question({ stageNow, error: new Error('connection lost') }))).toBeNull();
    expect(stageNow).not.toHaveBeenCalled();
  });
});
