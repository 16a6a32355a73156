// What the form for a grievance received offline sends: the filing fields as the
// complainant gave them, the channel, how it reached the city and when. The date
// received starts the published deadlines, so it is asked for (a letter may be typed in
// days after it arrived) and may not lie in the future. Messages are `validation` keys.
import { z } from 'zod';
import { env } from '@/lib/env';
import { plainText } from '@/lib/validation/text';
import { instantToWallTime, wallTimeToInstant } from '@/lib/validation/wall-time';
import { MAX_CONTACT_NAME_LENGTH, MAX_CONTACT_PHONE_LENGTH, MAX_OUTCOME_LENGTH, MAX_PLACE_LENGTH } from './filing-limits';
import { GRIEVANCE_CATEGORIES, MAX_DESCRIPTION_LENGTH, RECEIPT_CHANNELS } from './vocabulary';

const PHONE = new RegExp(`^[0-9+\\-() ]{3,${MAX_CONTACT_PHONE_LENGTH}}$`);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Clocks of the officer's computer and the server may differ by a little. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** An empty form field means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const isCalendarDate = (value: string) => ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** Today in the city, as YYYY-MM-DD. */
const cityToday = (now: Date) => instantToWallTime(now, env().TIME_ZONE).slice(0, 10);

export const recordOfflineSchema = z.object({
  channelId: z.uuid('grievance.channelNotFound'),
  receivedVia: z.enum(RECEIPT_CHANNELS, 'grievance.receivedViaInvalid').exclude(['online'], 'grievance.receivedViaInvalid'),
  /** A datetime-local value, read in the city's time zone. */
  receivedAt: z.string().transform((value, context) => {
    const instant = wallTimeToInstant(value.trim(), env().TIME_ZONE);
    if (!instant) context.addIssue({ code: 'custom', message: 'grievance.receivedAtInvalid' });
    else if (instant.getTime() > Date.now() + CLOCK_TOLERANCE_MS) context.addIssue({ code: 'custom', message: 'grievance.receivedAtInFuture' });
    return instant ?? z.NEVER;
  }),
  category: z.enum(GRIEVANCE_CATEGORIES, 'grievance.categoryInvalid'),
  description: plainText({ min: 1, max: MAX_DESCRIPTION_LENGTH, tooShort: 'grievance.descriptionRequired', tooLong: 'grievance.descriptionTooLong' }),
  place: optional(plainText({ min: 0, max: MAX_PLACE_LENGTH, tooShort: 'grievance.placeTooLong', tooLong: 'grievance.placeTooLong' })),
  eventDate: optional(
    z
      .string()
      .trim()
      .refine(isCalendarDate, 'grievance.eventDateInvalid')
      .refine((value) => value <= cityToday(new Date()), 'grievance.eventDateInFuture'),
  ),
  outcomeSought: optional(plainText({ min: 0, max: MAX_OUTCOME_LENGTH, tooShort: 'grievance.outcomeTooLong', tooLong: 'grievance.outcomeTooLong' })),
  /** A checkbox: present ("on") when ticked, absent otherwise. */
  isConfidential: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
  contactName: optional(plainText({ min: 0, max: MAX_CONTACT_NAME_LENGTH, tooShort: 'grievance.contactNameTooLong', tooLong: 'grievance.contactNameTooLong' })),
  contactEmail: optional(z.string().trim().toLowerCase().pipe(z.email('grievance.contactEmailInvalid'))),
  contactPhone: optional(z.string().trim().regex(PHONE, 'grievance.contactPhoneInvalid')),
  /** Generated when the form is shown; a repeated submission carries the same key. */
  submissionKey: z.uuid('submissionKeyInvalid'),
});
export type RecordOfflineInput = z.output<typeof recordOfflineSchema>;
