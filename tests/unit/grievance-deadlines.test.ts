// The deadline clock of lib/grievances/deadlines.ts, with fixed dates and an explicit
// `now`: which deadline runs in each status, how days left and overdue are counted at
// the boundaries, and the complainant's appeal window.
import { describe, expect, it } from 'vitest';
import {
  acknowledgeDueAt,
  addDays,
  appealWindowClosesAt,
  caseClock,
  deadlineOutcome,
  isAppealWindowOpen,
  resolveDueAt,
  type CaseTimes,
} from '@/lib/grievances/deadlines';
import { GRIEVANCE_STATUSES, type DeadlineDays, type GrievanceStatus } from '@/lib/grievances/vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Deliberately unlike the defaults, so each deadline is told apart by its date. */
const DAYS: DeadlineDays = { acknowledgeDays: 3, resolveDays: 30, appealDays: 10, appealDecisionDays: 20 };

const RECEIVED = new Date('2026-03-02T09:00:00Z');
/** `days` after receipt (fractions allowed), plus `ms` milliseconds. */
const day = (days: number, ms = 0) => new Date(RECEIVED.getTime() + days * DAY_MS + ms);

/** A case in `status` that entered it on day 12 (answered on day 12; appealed on day 12 if it was). */
function times(status: GrievanceStatus, overrides: Partial<CaseTimes> = {}): CaseTimes {
  const answered = !['received', 'acknowledged', 'in_review'].includes(status);
  const appealed = ['appealed', 'appeal_decided', 'closed'].includes(status);
  return {
    status,
    receivedAt: RECEIVED,
    acknowledgedAt: status === 'received' ? null : day(1),
    respondedAt: answered ? day(12) : null,
    appealedAt: appealed ? day(12) : null,
    statusChangedAt: day(12),
    resolutionAccepted: status === 'resolved' || status === 'closed' ? true : null,
    ...overrides,
  };
}

describe('the clock in each status', () => {
  const now = day(13);

  it('runs the acknowledgement deadline, from receipt, while the case is received', () => {
    const clock = caseClock(times('received', { statusChangedAt: RECEIVED }), DAYS, day(1));
    expect(clock).toEqual({ kind: 'acknowledge', party: 'city', dueAt: day(3), isOverdue: false, daysLeft: 2 });
    expect(acknowledgeDueAt({ receivedAt: RECEIVED }, DAYS)).toEqual(new Date('2026-03-05T09:00:00Z'));
  });

  it.each(['acknowledged', 'in_review'] as const)('runs the resolution deadline, from receipt (not acknowledgement), while %s', (status) => {
    expect(caseClock(times(status), DAYS, now)).toEqual({ kind: 'resolve', party: 'city', dueAt: day(30), isOverdue: false, daysLeft: 17 });
    expect(resolveDueAt({ receivedAt: RECEIVED }, DAYS)).toEqual(new Date('2026-04-01T09:00:00Z'));
  });

  it('runs the appeal decision deadline from the appeal', () => {
    expect(caseClock(times('appealed'), DAYS, now)).toEqual({ kind: 'decideAppeal', party: 'city', dueAt: day(32), isOverdue: false, daysLeft: 19 });
    // Without a recorded appeal time, from entering the status.
    const clock = caseClock(times('appealed', { appealedAt: null, statusChangedAt: day(14) }), DAYS, now);
    expect(clock?.dueAt).toEqual(day(34));
  });

  it.each(['rejected', 'resolution_proposed'] as const)('runs the complainant’s appeal window while %s, never overdue', (status) => {
    expect(caseClock(times(status), DAYS, now)).toEqual({ kind: 'appealWindow', party: 'complainant', dueAt: day(22), isOverdue: false, daysLeft: 9 });
    // Once it has passed there is no clock at all: the complainant is not late, the window is shut.
    expect(caseClock(times(status), DAYS, day(22, 1))).toBeNull();
  });

  it('runs the appeal window for a resolution closed with reasons, not for an accepted one', () => {
    const closedWithReasons = times('resolved', { resolutionAccepted: false });
    expect(caseClock(closedWithReasons, DAYS, now)).toMatchObject({ kind: 'appealWindow', party: 'complainant', dueAt: day(22) });
    expect(caseClock(times('resolved', { resolutionAccepted: true }), DAYS, now)).toBeNull();
  });

  it.each(['appeal_decided', 'closed'] as const)('runs no clock once %s', (status) => {
    expect(caseClock(times(status), DAYS, now)).toBeNull();
  });

  it('covers every status', () => {
    const withClock = GRIEVANCE_STATUSES.filter((status) => caseClock(times(status), DAYS, now) !== null);
    expect(withClock).toEqual(['received', 'acknowledged', 'in_review', 'resolution_proposed', 'rejected', 'appealed']);
  });
});

describe('days left and overdue', () => {
  const received = times('received', { statusChangedAt: RECEIVED });
  const dueAt = day(3);
  const at = (now: Date) => {
    const clock = caseClock(received, DAYS, now);
    return { daysLeft: clock?.daysLeft, isOverdue: clock?.isOverdue };
  };

  it('is due today, not overdue, exactly at the deadline', () => {
    expect(at(dueAt)).toEqual({ daysLeft: 0, isOverdue: false });
  });

  it('is one day overdue one millisecond after the deadline', () => {
    expect(at(day(3, 1))).toEqual({ daysLeft: -1, isOverdue: true });
  });

  it('counts a day that has begun as a whole day, both before and after the deadline', () => {
    expect(at(day(3, -1))).toEqual({ daysLeft: 1, isOverdue: false });
    expect(at(day(1.5))).toEqual({ daysLeft: 2, isOverdue: false });
    expect(at(day(3 - 1 / 24))).toEqual({ daysLeft: 1, isOverdue: false });
    expect(at(day(4))).toEqual({ daysLeft: -1, isOverdue: true });
    expect(at(day(4, 1))).toEqual({ daysLeft: -2, isOverdue: true });
    expect(at(day(5.5))).toEqual({ daysLeft: -3, isOverdue: true });
  });

  it('counts whole days exactly', () => {
    expect(at(RECEIVED)).toEqual({ daysLeft: 3, isOverdue: false });
    expect(at(day(1))).toEqual({ daysLeft: 2, isOverdue: false });
    expect(at(day(13))).toEqual({ daysLeft: -10, isOverdue: true });
  });

  it('counts days of 24 hours, across a change of clocks', () => {
    // Europe changes to summer time on 29 March 2026: the deadline still falls 30 × 24 h after receipt.
    expect(resolveDueAt({ receivedAt: RECEIVED }, DAYS).getTime() - RECEIVED.getTime()).toBe(30 * DAY_MS);
    expect(addDays(RECEIVED, 0.5)).toEqual(new Date(RECEIVED.getTime() + 12 * HOUR_MS));
  });
});

describe('the appeal window', () => {
  it('is open from the answer until exactly the end of the window, inclusive', () => {
    const rejected = times('rejected');
    expect(appealWindowClosesAt(rejected, DAYS)).toEqual(day(22));
    expect(isAppealWindowOpen(rejected, DAYS, day(12))).toBe(true);
    expect(isAppealWindowOpen(rejected, DAYS, day(22))).toBe(true);
    expect(isAppealWindowOpen(rejected, DAYS, day(22, 1))).toBe(false);
  });

  it('runs from when the case entered its current status', () => {
    const proposedLater = times('resolution_proposed', { statusChangedAt: day(20) });
    expect(appealWindowClosesAt(proposedLater, DAYS)).toEqual(day(30));
    expect(isAppealWindowOpen(proposedLater, DAYS, day(25))).toBe(true);
  });

  it('exists only for a rejection, a proposed resolution and a resolution closed with reasons', () => {
    const withWindow = GRIEVANCE_STATUSES.filter((status) => appealWindowClosesAt(times(status), DAYS) !== null);
    expect(withWindow).toEqual(['resolution_proposed', 'rejected']);
    expect(appealWindowClosesAt(times('resolved', { resolutionAccepted: false }), DAYS)).toEqual(day(22));
    expect(appealWindowClosesAt(times('resolved', { resolutionAccepted: true }), DAYS)).toBeNull();
    for (const status of ['received', 'in_review', 'appealed', 'appeal_decided', 'closed'] as const) {
      expect(isAppealWindowOpen(times(status), DAYS, day(13))).toBe(false);
    }
  });
});

describe('whether the city met a deadline', () => {
  const dueAt = day(3);

  it('is on time when answered by the deadline, to the millisecond', () => {
    expect(deadlineOutcome(day(1), dueAt, day(50))).toBe('onTime');
    expect(deadlineOutcome(dueAt, dueAt, day(50))).toBe('onTime');
  });

  it('is late when answered after it, whatever the time now', () => {
    expect(deadlineOutcome(day(3, 1), dueAt, day(50))).toBe('late');
    expect(deadlineOutcome(day(3, 1), dueAt, day(3, 1))).toBe('late');
  });

  it('is pending while unanswered until the deadline has passed, then late', () => {
    expect(deadlineOutcome(null, dueAt, day(1))).toBe('pending');
    expect(deadlineOutcome(null, dueAt, dueAt)).toBe('pending');
    expect(deadlineOutcome(null, dueAt, day(3, 1))).toBe('late');
  });
});
