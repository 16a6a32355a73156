// The clock of a grievance: which published deadline applies now, when it falls due,
// and whether it has passed. Pure, with the current time passed in, so the rules are
// tested directly (tests/unit/grievance-deadlines.test.ts) and every page, list and
// statistic computes them the same way.
//
// Deadlines are counted in calendar days of 24 hours from the moment that starts them:
//   acknowledge        from receipt                      (city's deadline)
//   resolve            from receipt: propose a resolution or reject (city's deadline)
//   decide appeal      from the appeal                   (city's deadline)
//   appeal             from the rejection, the proposed resolution, or its closing
//                      with reasons                      (the complainant's window)
import type { DeadlineDays, GrievanceStatus } from './vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** The moments of a case that start or stop its clocks. */
export interface CaseTimes {
  status: GrievanceStatus;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  /** The first resolution proposed, or the rejection: the city's first answer on substance. */
  respondedAt: Date | null;
  appealedAt: Date | null;
  /** When the case entered its current status. */
  statusChangedAt: Date;
  resolutionAccepted: boolean | null;
}

export type ClockKind = 'acknowledge' | 'resolve' | 'decideAppeal' | 'appealWindow';

export interface CaseClock {
  kind: ClockKind;
  /** Whose move it is: the city's deadlines can be overdue; the complainant's window just closes. */
  party: 'city' | 'complainant';
  dueAt: Date;
  isOverdue: boolean;
  /** Days left, any part of a day counting as a whole one; negative (whole days overdue) once passed. */
  daysLeft: number;
}

function clock(kind: ClockKind, dueAt: Date, now: Date): CaseClock {
  const remaining = dueAt.getTime() - now.getTime();
  const party = kind === 'appealWindow' ? 'complainant' : 'city';
  return { kind, party, dueAt, isOverdue: party === 'city' && remaining < 0, daysLeft: remaining >= 0 ? Math.ceil(remaining / DAY_MS) : -Math.ceil(-remaining / DAY_MS) };
}

export function acknowledgeDueAt(times: Pick<CaseTimes, 'receivedAt'>, days: DeadlineDays): Date {
  return addDays(times.receivedAt, days.acknowledgeDays);
}

export function resolveDueAt(times: Pick<CaseTimes, 'receivedAt'>, days: DeadlineDays): Date {
  return addDays(times.receivedAt, days.resolveDays);
}

/** Until when the complainant may appeal, for a case in a status that can be appealed. */
export function appealWindowClosesAt(times: CaseTimes, days: DeadlineDays): Date | null {
  const appealable = times.status === 'rejected' || times.status === 'resolution_proposed' || (times.status === 'resolved' && times.resolutionAccepted === false);
  return appealable ? addDays(times.statusChangedAt, days.appealDays) : null;
}

export function isAppealWindowOpen(times: CaseTimes, days: DeadlineDays, now: Date): boolean {
  const closesAt = appealWindowClosesAt(times, days);
  return closesAt !== null && now.getTime() <= closesAt.getTime();
}

/** The deadline that runs now, or null when none does (e.g. resolved, closed). */
export function caseClock(times: CaseTimes, days: DeadlineDays, now: Date): CaseClock | null {
  switch (times.status) {
    case 'received':
      return clock('acknowledge', acknowledgeDueAt(times, days), now);
    case 'acknowledged':
    case 'in_review':
      return clock('resolve', resolveDueAt(times, days), now);
    case 'appealed':
      return clock('decideAppeal', addDays(times.appealedAt ?? times.statusChangedAt, days.appealDecisionDays), now);
    case 'rejected':
    case 'resolution_proposed':
    case 'resolved': {
      const closesAt = appealWindowClosesAt(times, days);
      return closesAt && now.getTime() <= closesAt.getTime() ? clock('appealWindow', closesAt, now) : null;
    }
    default:
      return null;
  }
}

/** Whether the city met a deadline: answered by `dueAt`, or (if not yet answered) whether it still can. */
export type DeadlineOutcome = 'onTime' | 'late' | 'pending';

export function deadlineOutcome(answeredAt: Date | null, dueAt: Date, now: Date): DeadlineOutcome {
  if (answeredAt) return answeredAt.getTime() <= dueAt.getTime() ? 'onTime' : 'late';
  return now.getTime() > dueAt.getTime() ? 'late' : 'pending';
}
