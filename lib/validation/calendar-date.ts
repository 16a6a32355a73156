// A calendar day as <input type="date"> sends it (YYYY-MM-DD).
import { instantToWallTime } from './wall-time';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day that exists (no 31 April), from 1900 on. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date (YYYY-MM-DD) on the city's calendar. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return instantToWallTime(now, timeZone).slice(0, 10);
}
