// Grievance redress: the channels people file through (city-wide or per initiative),
// the cases, their append-only history, and their attachments.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  DEFAULT_DEADLINE_DAYS,
  EVENT_ACTOR_KINDS,
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_EVENT_KINDS,
  GRIEVANCE_STATUSES,
  RECEIPT_CHANNELS,
} from '@/lib/grievances/vocabulary';
import { storedFileColumns } from './consultations';
import { initiatives } from './initiatives';
import { users } from './users';

export const grievanceStatus = pgEnum('grievance_status', GRIEVANCE_STATUSES);
export const grievanceCategory = pgEnum('grievance_category', GRIEVANCE_CATEGORIES);
export const receiptChannel = pgEnum('receipt_channel', RECEIPT_CHANNELS);
export const grievanceEventKind = pgEnum('grievance_event_kind', GRIEVANCE_EVENT_KINDS);
export const eventActorKind = pgEnum('event_actor_kind', EVENT_ACTOR_KINDS);

/**
 * Where grievances are filed, with its published procedure: the deadlines (calendar
 * days) and how to file without the internet. One city-wide channel (no initiative)
 * and at most one per initiative.
 */
export const grievanceChannels = pgTable(
  'grievance_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id').references(() => initiatives.id),
    name: text('name').notNull(),
    /** Address, telephone, opening hours: how to file on paper, by phone or in person. */
    offlineInstructions: text('offline_instructions').notNull(),
    acknowledgeDays: integer('acknowledge_days').notNull().default(DEFAULT_DEADLINE_DAYS.acknowledgeDays),
    resolveDays: integer('resolve_days').notNull().default(DEFAULT_DEADLINE_DAYS.resolveDays),
    appealDays: integer('appeal_days').notNull().default(DEFAULT_DEADLINE_DAYS.appealDays),
    appealDecisionDays: integer('appeal_decision_days').notNull().default(DEFAULT_DEADLINE_DAYS.appealDecisionDays),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('grievance_channels_initiative_unique').on(table.initiativeId),
    uniqueIndex('grievance_channels_one_city_wide')
      .on(sql`(${table.initiativeId} is null)`)
      .where(sql`${table.initiativeId} is null`),
    check(
      'grievance_channels_deadlines_range',
      sql`${table.acknowledgeDays} between 1 and 120 and ${table.resolveDays} between 1 and 120 and ${table.appealDays} between 1 and 120 and ${table.appealDecisionDays} between 1 and 120`,
    ),
    check('grievance_channels_acknowledge_before_resolve', sql`${table.acknowledgeDays} <= ${table.resolveDays}`),
  ],
);

/**
 * A case. The complainant's identity (account, contact details) is personal data:
 * lib/grievances/identity.ts decides who sees it, and it never leaves in exports or logs.
 */
export const grievances = pgTable(
  'grievances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => grievanceChannels.id),
    /** The public name of the case, e.g. GR-7KQ4M-9XD2A; random, so unguessable. */
    reference: text('reference').notNull(),
    /** SHA-256 of the access key the complainant follows the case with. */
    accessKeyHash: text('access_key_hash').notNull(),
    category: grievanceCategory('category').notNull(),
    description: text('description').notNull(),
    place: text('place'),
    /** The day of the event complained about, as the complainant gave it. */
    eventDate: date('event_date', { mode: 'string' }),
    outcomeSought: text('outcome_sought'),
    /** Only the assigned officer and administrators may see who filed a confidential grievance. */
    isConfidential: boolean('is_confidential').notNull().default(false),
    filerId: uuid('filer_id').references(() => users.id, { onDelete: 'set null' }),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    receivedVia: receiptChannel('received_via').notNull().default('online'),
    /** The officer who typed in a grievance received offline. */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    status: grievanceStatus('status').notNull().default('received'),
    assignedOfficerId: uuid('assigned_officer_id').references(() => users.id, { onDelete: 'set null' }),
    resolutionAccepted: boolean('resolution_accepted'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** The first resolution proposed or the rejection: the city's answer on substance. */
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    appealedAt: timestamp('appealed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    // The channel's deadlines when the case was received: the promise made to this
    // complainant, kept when the channel's deadlines change later.
    acknowledgeDays: integer('acknowledge_days').notNull(),
    resolveDays: integer('resolve_days').notNull(),
    appealDays: integer('appeal_days').notNull(),
    appealDecisionDays: integer('appeal_decision_days').notNull(),
    /** Makes a double submit of the filing form create one case. */
    submissionKey: uuid('submission_key').notNull(),
  },
  (table) => [
    uniqueIndex('grievances_reference_unique').on(table.reference),
    uniqueIndex('grievances_submission_key_unique').on(table.submissionKey),
    index('grievances_channel_idx').on(table.channelId, table.receivedAt),
    index('grievances_status_idx').on(table.status, table.receivedAt),
    index('grievances_filer_idx').on(table.filerId),
    check('grievances_closed_has_time', sql`(${table.status} = 'closed') = (${table.closedAt} is not null)`),
  ],
);

/** The history of a case: append-only (a trigger refuses updates and deletes). */
export const grievanceEvents = pgTable(
  'grievance_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grievanceId: uuid('grievance_id')
      .notNull()
      .references(() => grievances.id),
    kind: grievanceEventKind('kind').notNull(),
    fromStatus: grievanceStatus('from_status'),
    toStatus: grievanceStatus('to_status').notNull(),
    actorKind: eventActorKind('actor_kind').notNull(),
    /** The staff member who took the step; null for the complainant, who may have no account. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** For `assign`: the officer the case went to. */
    officerId: uuid('officer_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('grievance_events_grievance_idx').on(table.grievanceId, table.createdAt)],
);

/** Files that come with a grievance or a later message; never public. */
export const grievanceAttachments = pgTable(
  'grievance_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grievanceId: uuid('grievance_id')
      .notNull()
      .references(() => grievances.id),
    eventId: uuid('event_id').references(() => grievanceEvents.id),
    ...storedFileColumns(),
    addedBy: eventActorKind('added_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('grievance_attachments_grievance_idx').on(table.grievanceId)],
);
