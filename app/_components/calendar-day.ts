// Calendar days (YYYY-MM-DD, such as the day a decision was taken) as the reader writes dates.
import type { getFormatter } from 'next-intl/server';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A calendar day is a date, not a moment: noon UTC keeps it the same day everywhere. */
export function formatCalendarDay(format: Formatter, day: string): string {
  return format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}
