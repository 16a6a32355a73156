// The consultation form as a person fills it in: every value arrives as the text of a
// form field, and every refusal is a message key next to the field it concerns.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instantToWallTime, wallTimeToInstant } from '@/lib/validation/wall-time';

/**
 * The schemas module with TIME_ZONE set to `timeZone`. lib/env.ts parses process.env on
 * the first call of env() and keeps the result for the life of the module, so setting
 * the variable after any parse has no effect. Resetting the module registry and
 * importing again gives a fresh lib/env.ts that reads the stubbed variable, whatever
 * order the tests run in.
 */
async function schemasIn(timeZone: string | undefined) {
  vi.stubEnv('TIME_ZONE', timeZone);
  vi.resetModules();
  return import('@/lib/consultations/schemas');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What the form posts for a plain consultation with the full 7-day information period. */
const form = {
  title: 'Plaza Mayor: shade and seating',
  questions: 'Where would you like more shade?\nWhich benches do you use?',
  scope: 'The layout of trees and benches can still change; the budget cannot.',
  level: 'consult',
  moderationMode: 'post',
  informationAt: '2026-06-01T09:00',
  opensAt: '2026-06-08T09:00',
  closesAt: '2026-06-30T18:00',
  informationDays: '7',
  shortInformationReason: '',
};

/** The first message per field, as the form shows them. */
async function fieldErrors(values: Record<string, string>): Promise<Record<string, string>> {
  const { consultationFieldsSchema } = await schemasIn('UTC');
  const result = consultationFieldsSchema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

async function parsed(values: Record<string, string>) {
  const { consultationFieldsSchema } = await schemasIn('UTC');
  return consultationFieldsSchema.parse(values);
}

describe('consultation form', () => {
  it('accepts a complete form', async () => {
    expect(await fieldErrors(form)).toEqual({});
    expect(await parsed(form)).toMatchObject({ informationDays: 7, shortInformationReason: null, level: 'consult' });
  });

  it('takes one question per line, ignoring blank lines and surrounding spaces', async () => {
    const { questions } = await parsed({ ...form, questions: '\n  Where would you like more shade?  \r\n\r\n   \nWhich benches do you use?\n\n' });
    expect(questions).toEqual(['Where would you like more shade?', 'Which benches do you use?']);
  });

  it('asks for at least one question', async () => {
    expect(await fieldErrors({ ...form, questions: '' })).toEqual({ questions: 'questionsRequired' });
    expect(await fieldErrors({ ...form, questions: ' \n \n' })).toEqual({ questions: 'questionsRequired' });
  });

  it('allows ten questions and refuses eleven', async () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `Question number ${index + 1}?`).join('\n');
    expect(await fieldErrors({ ...form, questions: lines(10) })).toEqual({});
    expect(await fieldErrors({ ...form, questions: lines(11) })).toEqual({ questions: 'questionsTooMany' });
  });

  it('refuses an opening before the information date, on the opening field', async () => {
    expect(await fieldErrors({ ...form, opensAt: '2026-05-31T09:00' })).toEqual({ opensAt: 'opensBeforeInformation' });
    // Opening the moment the information starts is a choice staff may make.
    expect(await fieldErrors({ ...form, opensAt: form.informationAt })).toEqual({});
  });

  it('refuses a closing that is not after the opening, on the closing field', async () => {
    expect(await fieldErrors({ ...form, closesAt: form.opensAt })).toEqual({ closesAt: 'closesBeforeOpening' });
    expect(await fieldErrors({ ...form, closesAt: '2026-06-07T09:00' })).toEqual({ closesAt: 'closesBeforeOpening' });
  });

  it('asks for a reason of at least 20 characters when the information period is shorter than 7 days', async () => {
    const short = { ...form, informationDays: '3' };
    expect(await fieldErrors(short)).toEqual({ shortInformationReason: 'shortPeriodReasonRequired' });
    expect(await fieldErrors({ ...short, shortInformationReason: '   Too short, sorry   ' })).toEqual({
      shortInformationReason: 'shortPeriodReasonRequired',
    });
    const reason = 'The works start on 1 July and cannot move.';
    expect(await parsed({ ...short, shortInformationReason: `  ${reason}\n` })).toMatchObject({ informationDays: 3, shortInformationReason: reason });
  });

  it('drops a reason the full period does not need', async () => {
    const withReason = { ...form, shortInformationReason: 'The works start on 1 July and cannot move.' };
    expect((await parsed(withReason)).shortInformationReason).toBeNull();
    expect((await parsed({ ...withReason, informationDays: '14' })).shortInformationReason).toBeNull();
  });

  it('uses the 7-day period when the form sends none', async () => {
    const { informationDays: _omitted, ...withoutDays } = form;
    expect((await parsed(withoutDays)).informationDays).toBe(7);
  });

  it('refuses a period that is not a whole number of days from 0 to 90', async () => {
    for (const days of ['-1', '2.5', '91', 'seven']) {
      expect(await fieldErrors({ ...form, informationDays: days, shortInformationReason: 'The works start on 1 July and cannot move.' }), days).toEqual({
        informationDays: 'informationDaysInvalid',
      });
    }
  });

  it('names the date that does not exist, and only that one', async () => {
    expect(await fieldErrors({ ...form, opensAt: '2026-02-30T10:00' })).toEqual({ opensAt: 'openingDateInvalid' });
    expect(await fieldErrors({ ...form, informationAt: '' })).toEqual({ informationAt: 'informationDateInvalid' });
    expect(await fieldErrors({ ...form, closesAt: '2026-06-31T18:00' })).toEqual({ closesAt: 'closingDateInvalid' });
    expect(await fieldErrors({ ...form, closesAt: '2026-06-30T24:00' })).toEqual({ closesAt: 'closingDateInvalid' });
    expect(await fieldErrors({ ...form, closesAt: 'next Friday' })).toEqual({ closesAt: 'closingDateInvalid' });
  });

  it('reads the dates in the configured time zone', async () => {
    const madrid = await schemasIn('Europe/Madrid');
    expect(madrid.consultationFieldsSchema.parse(form)).toMatchObject({
      informationAt: new Date('2026-06-01T07:00:00Z'),
      opensAt: new Date('2026-06-08T07:00:00Z'),
      closesAt: new Date('2026-06-30T16:00:00Z'),
    });
    const newYork = await schemasIn('America/New_York');
    expect(newYork.consultationFieldsSchema.parse(form).opensAt).toEqual(new Date('2026-06-08T13:00:00Z'));
  });

  it('reads the dates in UTC when no time zone is configured', async () => {
    const { consultationFieldsSchema } = await schemasIn(undefined);
    expect(consultationFieldsSchema.parse(form).opensAt).toEqual(new Date('2026-06-08T09:00:00Z'));
  });
});

describe('wall-clock times', () => {
  it('reads a summer time in Madrid (UTC+2)', () => {
    expect(wallTimeToInstant('2026-07-15T10:00', 'Europe/Madrid')).toEqual(new Date('2026-07-15T08:00:00Z'));
  });

  it('reads a winter time in New York (UTC−5)', () => {
    expect(wallTimeToInstant('2026-01-15T10:00', 'America/New_York')).toEqual(new Date('2026-01-15T15:00:00Z'));
  });

  it('moves a time in the hour skipped by the clocks to after it, never before', () => {
    // Madrid, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(wallTimeToInstant('2026-03-29T02:30', 'Europe/Madrid')).toEqual(new Date('2026-03-29T01:30:00Z'));
    expect(instantToWallTime(wallTimeToInstant('2026-03-29T02:30', 'Europe/Madrid')!, 'Europe/Madrid')).toBe('2026-03-29T03:30');
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(instantToWallTime(wallTimeToInstant('2026-03-08T02:30', 'America/New_York')!, 'America/New_York')).toBe('2026-03-08T03:30');
  });

  it('reads a time that happens twice, when the clocks go back, as its first occurrence', () => {
    // Madrid, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(wallTimeToInstant('2026-10-25T02:30', 'Europe/Madrid')).toEqual(new Date('2026-10-25T00:30:00Z'));
  });

  it('reads valid times on the day of a change exactly', () => {
    expect(wallTimeToInstant('2026-10-25T01:30', 'Europe/Madrid')).toEqual(new Date('2026-10-24T23:30:00Z'));
    expect(wallTimeToInstant('2026-10-25T03:30', 'Europe/Madrid')).toEqual(new Date('2026-10-25T02:30:00Z'));
    expect(wallTimeToInstant('2026-03-08T03:30', 'America/New_York')).toEqual(new Date('2026-03-08T07:30:00Z'));
    // Auckland changes at 03:00 on 5 April; the afternoon before is still UTC+13.
    expect(wallTimeToInstant('2026-04-04T17:00', 'Pacific/Auckland')).toEqual(new Date('2026-04-04T04:00:00Z'));
  });

  it('shows an instant as the wall-clock time a form field expects', () => {
    expect(instantToWallTime(new Date('2026-07-15T08:00:59Z'), 'Europe/Madrid')).toBe('2026-07-15T10:00');
    expect(instantToWallTime(new Date('2026-01-01T04:30:00Z'), 'America/New_York')).toBe('2025-12-31T23:30');
  });

  /** Every quarter hour from two days before `from` to two days after. */
  function quarterHoursAround(from: string): string[] {
    const start = Date.parse(`${from}:00Z`) - 2 * 24 * 60 * 60 * 1000;
    return Array.from({ length: 4 * 24 * 4 }, (_, index) => new Date(start + index * 15 * 60 * 1000).toISOString().slice(0, 16));
  }

  it.each([
    ['Europe/Madrid', '2026-03-29T02:00', '2026-10-25T02:00', ['2026-03-29T02:00', '2026-03-29T02:15', '2026-03-29T02:30', '2026-03-29T02:45']],
    ['America/New_York', '2026-03-08T02:00', '2026-11-01T01:00', ['2026-03-08T02:00', '2026-03-08T02:15', '2026-03-08T02:30', '2026-03-08T02:45']],
    ['Pacific/Auckland', '2026-09-27T02:00', '2026-04-05T02:00', ['2026-09-27T02:00', '2026-09-27T02:15', '2026-09-27T02:30', '2026-09-27T02:45']],
  ])('gives back every time typed in %s around both changes, except the skipped hour', (timeZone, springChange, autumnChange, skipped) => {
    const changed: string[] = [];
    for (const typed of [...quarterHoursAround(springChange), ...quarterHoursAround(autumnChange)]) {
      const shown = instantToWallTime(wallTimeToInstant(typed, timeZone)!, timeZone);
      if (shown !== typed) {
        changed.push(typed);
        expect(Date.parse(`${shown}:00Z`) - Date.parse(`${typed}:00Z`), typed).toBe(60 * 60 * 1000);
      }
    }
    expect(changed).toEqual(skipped);
  });
});
