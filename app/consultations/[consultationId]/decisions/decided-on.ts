import type { getFormatter } from 'next-intl/server';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A decision's day is a calendar date, not a moment: noon UTC keeps it the same day everywhere. */
export function formatDecidedOn(format: Formatter, day: string): string {
  return format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}
