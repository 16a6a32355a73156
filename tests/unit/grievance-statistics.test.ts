// The public statistics of lib/grievances/statistics.ts against eight known cases whose
// figures were worked out by hand (see the notes beside each case).
import { describe, expect, it } from 'vitest';
import { computeFigures, computeStatistics, monthOf, type CaseForStatistics } from '@/lib/grievances/statistics';
import type { DeadlineDays } from '@/lib/grievances/vocabulary';

const DAYS: DeadlineDays = { acknowledgeDays: 5, resolveDays: 30, appealDays: 15, appealDecisionDays: 20 };
const NOW = new Date('2026-04-20T12:00:00Z');
const at = (iso: string) => new Date(iso);

function grievance(fields: Pick<CaseForStatistics, 'category' | 'receivedAt'> & Partial<CaseForStatistics>): CaseForStatistics {
  return { acknowledgedAt: null, respondedAt: null, closedAt: null, ...fields };
}

// Acknowledge within 5 days, answer within 30, of receipt. Now is 20 April 2026, 12:00 UTC.
const CASES = {
  // Acknowledged and answered on time; closed after exactly 40 days.
  a: grievance({
    category: 'consultation_process',
    receivedAt: at('2026-01-10T10:00:00Z'),
    acknowledgedAt: at('2026-01-12T10:00:00Z'),
    respondedAt: at('2026-01-30T10:00:00Z'),
    closedAt: at('2026-02-19T10:00:00Z'),
  }),
  // Acknowledged after 7 days, answered after 36: both late; closed after 50.5 days.
  b: grievance({
    category: 'consultation_process',
    receivedAt: at('2026-01-20T10:00:00Z'),
    acknowledgedAt: at('2026-01-27T10:00:00Z'),
    respondedAt: at('2026-02-25T10:00:00Z'),
    closedAt: at('2026-03-11T22:00:00Z'),
  }),
  // Received half an hour after midnight on 1 February in Paris (still January in UTC).
  // Acknowledged at the very last millisecond; never answered, so late since 2 March.
  c: grievance({
    category: 'nuisance_environment',
    receivedAt: at('2026-01-31T23:30:00Z'),
    acknowledgedAt: at('2026-02-05T23:30:00Z'),
  }),
  // Rejected on receipt after 3 days, with no separate acknowledgement: that answer is on
  // time for both deadlines. Closed after 33 days.
  d: grievance({
    category: 'nuisance_environment',
    receivedAt: at('2026-02-15T08:00:00Z'),
    respondedAt: at('2026-02-18T08:00:00Z'),
    closedAt: at('2026-03-20T08:00:00Z'),
  }),
  // Received half an hour after midnight on 1 April in Paris, summer time (still March in
  // UTC). Acknowledged on time; the answer is not due before 30 April: pending.
  e: grievance({
    category: 'land_property',
    receivedAt: at('2026-03-31T22:30:00Z'),
    acknowledgedAt: at('2026-04-02T09:00:00Z'),
  }),
  // Not acknowledged, but due exactly now: pending, like the answer.
  f: grievance({ category: 'land_property', receivedAt: at('2026-04-15T12:00:00Z') }),
  // Acknowledged after 6 days (late), answered after 29 (on time).
  g: grievance({
    category: 'other',
    receivedAt: at('2026-03-10T12:00:00Z'),
    acknowledgedAt: at('2026-03-16T12:00:00Z'),
    respondedAt: at('2026-04-08T12:00:00Z'),
  }),
  // Acknowledged on time; answer pending.
  h: grievance({
    category: 'consultation_process',
    receivedAt: at('2026-04-17T12:00:00Z'),
    acknowledgedAt: at('2026-04-18T12:00:00Z'),
  }),
} satisfies Record<string, CaseForStatistics>;
const ALL = Object.values(CASES);

describe('channel figures', () => {
  const figures = computeFigures(ALL, DAYS, NOW);

  it('counts every case received', () => {
    expect(figures.received).toBe(8);
  });

  it('shares acknowledged on time among cases whose acknowledgement is no longer pending', () => {
    // On time: a, c (at the deadline), d (rejection), e, h. Late: b, g. Pending: f.
    expect(figures.acknowledgedOnTime).toEqual({ onTime: 5, counted: 7, share: 5 / 7 });
  });

  it('shares resolved on time among cases whose answer is no longer pending', () => {
    // On time: a, d, g. Late: b, c (unanswered). Pending: e, f, h.
    expect(figures.resolvedOnTime).toEqual({ onTime: 3, counted: 5, share: 0.6 });
  });

  it('averages the days from receipt to closing over closed cases', () => {
    expect(figures.closed).toBe(3);
    expect(figures.averageDaysToClose).toBeCloseTo((40 + 50.5 + 33) / 3, 10);
  });

  it('publishes no share and no average before there is anything to count', () => {
    expect(computeFigures([CASES.f], DAYS, NOW)).toEqual({
      received: 1,
      acknowledgedOnTime: { onTime: 0, counted: 0, share: null },
      resolvedOnTime: { onTime: 0, counted: 0, share: null },
      closed: 0,
      averageDaysToClose: null,
    });
  });

  it('counts an unanswered case late as soon as its deadline has passed', () => {
    const oneMillisecondLater = new Date(NOW.getTime() + 1);
    expect(computeFigures([CASES.f], DAYS, oneMillisecondLater).acknowledgedOnTime).toEqual({ onTime: 0, counted: 1, share: 0 });
  });
});

describe('by category', () => {
  it('gives each category its own figures, the most frequent first, then by name', () => {
    const { byCategory } = computeStatistics(ALL, DAYS, NOW, 'Europe/Paris');
    expect(byCategory).toEqual([
      {
        category: 'consultation_process',
        received: 3,
        acknowledgedOnTime: { onTime: 2, counted: 3, share: 2 / 3 },
        resolvedOnTime: { onTime: 1, counted: 2, share: 0.5 },
        closed: 2,
        averageDaysToClose: 45.25,
      },
      {
        category: 'land_property',
        received: 2,
        acknowledgedOnTime: { onTime: 1, counted: 1, share: 1 },
        resolvedOnTime: { onTime: 0, counted: 0, share: null },
        closed: 0,
        averageDaysToClose: null,
      },
      {
        category: 'nuisance_environment',
        received: 2,
        acknowledgedOnTime: { onTime: 2, counted: 2, share: 1 },
        resolvedOnTime: { onTime: 1, counted: 2, share: 0.5 },
        closed: 1,
        averageDaysToClose: 33,
      },
      {
        category: 'other',
        received: 1,
        acknowledgedOnTime: { onTime: 0, counted: 1, share: 0 },
        resolvedOnTime: { onTime: 1, counted: 1, share: 1 },
        closed: 0,
        averageDaysToClose: null,
      },
    ]);
  });
});

describe('by month', () => {
  it('files each case under its month of receipt in the city’s time zone, oldest first', () => {
    const { byMonth } = computeStatistics(ALL, DAYS, NOW, 'Europe/Paris');
    expect(byMonth).toEqual([
      {
        month: '2026-01',
        received: 2,
        acknowledgedOnTime: { onTime: 1, counted: 2, share: 0.5 },
        resolvedOnTime: { onTime: 1, counted: 2, share: 0.5 },
        closed: 2,
        averageDaysToClose: 45.25,
      },
      {
        month: '2026-02',
        received: 2,
        acknowledgedOnTime: { onTime: 2, counted: 2, share: 1 },
        resolvedOnTime: { onTime: 1, counted: 2, share: 0.5 },
        closed: 1,
        averageDaysToClose: 33,
      },
      {
        month: '2026-03',
        received: 1,
        acknowledgedOnTime: { onTime: 0, counted: 1, share: 0 },
        resolvedOnTime: { onTime: 1, counted: 1, share: 1 },
        closed: 0,
        averageDaysToClose: null,
      },
      {
        month: '2026-04',
        received: 3,
        acknowledgedOnTime: { onTime: 2, counted: 2, share: 1 },
        resolvedOnTime: { onTime: 0, counted: 0, share: null },
        closed: 0,
        averageDaysToClose: null,
      },
    ]);
  });

  it('moves the cases received near midnight at a month boundary with the time zone', () => {
    const months = (timeZone: string) => computeStatistics(ALL, DAYS, NOW, timeZone).byMonth.map(({ month, received }) => ({ month, received }));
    // In UTC, c is January's and e is March's.
    expect(months('UTC')).toEqual([
      { month: '2026-01', received: 3 },
      { month: '2026-02', received: 1 },
      { month: '2026-03', received: 2 },
      { month: '2026-04', received: 2 },
    ]);
    expect(monthOf(CASES.c.receivedAt, 'Europe/Paris')).toBe('2026-02');
    expect(monthOf(CASES.c.receivedAt, 'UTC')).toBe('2026-01');
    // 22:30 UTC on 31 March is 00:30 in Paris only because summer time began on the 29th.
    expect(monthOf(CASES.e.receivedAt, 'Europe/Paris')).toBe('2026-04');
    expect(monthOf(new Date('2026-02-28T22:30:00Z'), 'Europe/Paris')).toBe('2026-02');
  });
});

describe('the whole', () => {
  it('sums to the same figures as the breakdowns', () => {
    const statistics = computeStatistics(ALL, DAYS, NOW, 'Europe/Paris');
    expect(statistics).toMatchObject(computeFigures(ALL, DAYS, NOW));
    const sum = (rows: Array<{ received: number; closed: number }>) => rows.reduce((total, row) => ({ received: total.received + row.received, closed: total.closed + row.closed }), { received: 0, closed: 0 });
    expect(sum(statistics.byCategory)).toEqual({ received: 8, closed: 3 });
    expect(sum(statistics.byMonth)).toEqual({ received: 8, closed: 3 });
  });

  it('is empty, not broken, for a channel without cases', () => {
    expect(computeStatistics([], DAYS, NOW, 'Europe/Paris')).toEqual({
      received: 0,
      acknowledgedOnTime: { onTime: 0, counted: 0, share: null },
      resolvedOnTime: { onTime: 0, counted: 0, share: null },
      closed: 0,
      averageDaysToClose: null,
      byCategory: [],
      byMonth: [],
    });
  });
});
