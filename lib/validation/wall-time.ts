// Dates people type in a form (<input type="datetime-local">) are wall-clock times in
// the city's time zone; the database keeps instants. These two functions convert
// between them without a date library, through Intl's time-zone data.

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time "YYYY-MM-DDTHH:mm" names in `timeZone`, or null when
 * the text is not such a time. As RFC 5545 (and Temporal's "compatible") resolve it:
 * a time that occurs twice when the clocks go back is its first occurrence; a time
 * skipped when they go forward is read with the offset from before the change, so the
 * result is never earlier than what was typed.
 */
export function wallTimeToInstant(value: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offsets in force a day before and a day after bracket any change near this
  // time. Correcting from the offset at `asUtc` itself is not enough: within a day of
  // a change that offset can be the wrong one for a perfectly valid time.
  const offsetBefore = offsetAt(new Date(asUtc - DAY_MS), timeZone);
  const offsetAfter = offsetAt(new Date(asUtc + DAY_MS), timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].filter((instant) => instant + offsetAt(new Date(instant), timeZone) === asUtc);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : asUtc - offsetBefore);
}

/** The "YYYY-MM-DDTHH:mm" wall-clock time of `instant` in `timeZone`, for a form's default value. */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetAt(instant, timeZone));
  return local.toISOString().slice(0, 16);
}
