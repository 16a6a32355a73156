// Public statistics of a grievance channel, computed from its cases by a pure function
// so the published figures can be checked against known cases
// (tests/unit/grievance-statistics.test.ts). Only counts, shares and durations leave
// here: nothing that could point to a complainant.
//
//   acknowledged on time   acknowledged (or answered, e.g. rejected on receipt) within the
//                          acknowledgement deadline, among cases so acknowledged or whose
//                          deadline has passed
//   resolved on time       a resolution proposed or the case rejected with reasons within
//                          the resolution deadline, among cases so answered or whose
//                          deadline has passed
//   days to close          from receipt to closing, averaged over closed cases
import { acknowledgeDueAt, deadlineOutcome, resolveDueAt } from './deadlines';
import type { DeadlineDays, GrievanceCategory } from './vocabulary';

export interface CaseForStatistics {
  category: GrievanceCategory;
  /** The deadlines promised when the case was received; the channel's `days` when absent. */
  days?: DeadlineDays;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  closedAt: Date | null;
}

export interface OnTimeShare {
  onTime: number;
  /** Cases whose deadline has been met or missed (still-running deadlines are left out). */
  counted: number;
  /** onTime ÷ counted, 0–1; null when nothing is counted yet. */
  share: number | null;
}

export interface GrievanceFigures {
  received: number;
  acknowledgedOnTime: OnTimeShare;
  resolvedOnTime: OnTimeShare;
  closed: number;
  /** Mean days from receipt to closing, null when no case is closed. */
  averageDaysToClose: number | null;
}

export interface GrievanceStatistics extends GrievanceFigures {
  byCategory: Array<{ category: GrievanceCategory } & GrievanceFigures>;
  /** By month of receipt (YYYY-MM in the city's time zone), oldest first. */
  byMonth: Array<{ month: string } & GrievanceFigures>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function share(onTime: number, counted: number): OnTimeShare {
  return { onTime, counted, share: counted === 0 ? null : onTime / counted };
}

export function computeFigures(cases: readonly CaseForStatistics[], channelDays: DeadlineDays, now: Date): GrievanceFigures {
  let acknowledgedOnTime = 0;
  let acknowledgeCounted = 0;
  let resolvedOnTime = 0;
  let resolveCounted = 0;
  let closed = 0;
  let daysToClose = 0;
  for (const grievance of cases) {
    // A case rejected on receipt is answered without a separate acknowledgement.
    const days = grievance.days ?? channelDays;
    const acknowledgement = deadlineOutcome(grievance.acknowledgedAt ?? grievance.respondedAt, acknowledgeDueAt(grievance, days), now);
    if (acknowledgement !== 'pending') acknowledgeCounted += 1;
    if (acknowledgement === 'onTime') acknowledgedOnTime += 1;
    const resolution = deadlineOutcome(grievance.respondedAt, resolveDueAt(grievance, days), now);
    if (resolution !== 'pending') resolveCounted += 1;
    if (resolution === 'onTime') resolvedOnTime += 1;
    if (grievance.closedAt) {
      closed += 1;
      daysToClose += (grievance.closedAt.getTime() - grievance.receivedAt.getTime()) / DAY_MS;
    }
  }
  return {
    received: cases.length,
    acknowledgedOnTime: share(acknowledgedOnTime, acknowledgeCounted),
    resolvedOnTime: share(resolvedOnTime, resolveCounted),
    closed,
    averageDaysToClose: closed === 0 ? null : daysToClose / closed,
  };
}

/** YYYY-MM of `date` in `timeZone`. */
export function monthOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

function groupBy<K extends string>(cases: readonly CaseForStatistics[], key: (grievance: CaseForStatistics) => K): Map<K, CaseForStatistics[]> {
  const groups = new Map<K, CaseForStatistics[]>();
  for (const grievance of cases) {
    const group = key(grievance);
    groups.set(group, [...(groups.get(group) ?? []), grievance]);
  }
  return groups;
}

export function computeStatistics(cases: readonly CaseForStatistics[], days: DeadlineDays, now: Date, timeZone: string): GrievanceStatistics {
  const byCategory = [...groupBy(cases, (grievance) => grievance.category)]
    .map(([category, group]) => ({ category, ...computeFigures(group, days, now) }))
    .sort((a, b) => b.received - a.received || a.category.localeCompare(b.category));
  const byMonth = [...groupBy(cases, (grievance) => monthOf(grievance.receivedAt, timeZone))]
    .map(([month, group]) => ({ month, ...computeFigures(group, days, now) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  return { ...computeFigures(cases, days, now), byCategory, byMonth };
}
