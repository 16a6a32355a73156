// What people contribute to consultations: inputs and the replies that form their
// threads, supports, reports to the moderators, and the public moderation log.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { INPUT_CHANNELS, INPUT_KINDS, INPUT_STATUSES } from '@/lib/inputs/vocabulary';
import { HIDE_REASONS, MODERATION_ACTIONS, REPORT_REASONS } from '@/lib/moderation/vocabulary';
import { consultations } from './consultations';
import { organizations } from './organizations';
import { userRole, users } from './users';

export const inputKind = pgEnum('input_kind', INPUT_KINDS);
export const inputChannel = pgEnum('input_channel', INPUT_CHANNELS);
export const inputStatus = pgEnum('input_status', INPUT_STATUSES);
export const hideReason = pgEnum('hide_reason', HIDE_REASONS);
export const reportReason = pgEnum('report_reason', REPORT_REASONS);
export const moderationActionKind = pgEnum('moderation_action', MODERATION_ACTIONS);

/**
 * An input (kind and title set) or a reply in its thread (parentId set). Nobody edits
 * the text once submitted: moderators publish, hide or restore it, nothing else.
 */
export const inputs = pgTable(
  'inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short public reference ("#123"), also used in the moderation log instead of the text. */
    number: integer('number').generatedAlwaysAsIdentity().notNull(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => inputs.id, { onDelete: 'cascade' }),
    kind: inputKind('kind'),
    title: text('title'),
    body: text('body').notNull(),
    /** The account it belongs to; for assisted input, the person's account if they have one. */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Given on behalf of this organization (the author is a member). */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    channel: inputChannel('channel').notNull().default('online'),
    /** Assisted input: the person's name if they gave it. */
    participantName: text('participant_name'),
    /** Assisted input: the staff member who recorded it. */
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /** A point on the consultation's plan image, as fractions of its width and height. */
    pinX: real('pin_x'),
    pinY: real('pin_y'),
    status: inputStatus('status').notNull(),
    /** Sent with the form; a second submission with the same key is the same input. */
    submissionKey: uuid('submission_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('inputs_number_unique').on(table.number),
    uniqueIndex('inputs_submission_key_unique').on(table.submissionKey),
    index('inputs_consultation_idx').on(table.consultationId, table.status, table.createdAt),
    index('inputs_parent_idx').on(table.parentId),
    index('inputs_author_idx').on(table.authorId),
    check('inputs_top_level_has_kind_and_title', sql`(${table.parentId} is null) = (${table.kind} is not null and ${table.title} is not null)`),
    check('inputs_pin_complete', sql`(${table.pinX} is null) = (${table.pinY} is null) and coalesce(${table.pinX} between 0 and 1 and ${table.pinY} between 0 and 1, true)`),
    check('inputs_assisted_has_recorder', sql`(${table.channel} = 'online') = (${table.recordedBy} is null)`),
  ],
);

/** One support per person per input. */
export const inputSupports = pgTable(
  'input_supports',
  {
    inputId: uuid('input_id')
      .notNull()
      .references(() => inputs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.inputId, table.userId] })],
);

/** A participant's report of an input to the moderators; open until a moderator acts on the input. */
export const inputReports = pgTable(
  'input_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inputId: uuid('input_id')
      .notNull()
      .references(() => inputs.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: reportReason('reason').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('input_reports_once_per_person').on(table.inputId, table.reporterId), index('input_reports_open_idx').on(table.resolvedAt)],
);

/**
 * Every moderation decision, public per consultation: what, when, why and by which
 * role. It names the input by number, never by its text.
 */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    inputId: uuid('input_id')
      .notNull()
      .references(() => inputs.id, { onDelete: 'cascade' }),
    action: moderationActionKind('action').notNull(),
    reason: hideReason('reason'),
    note: text('note'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The role at the time, which is what the public log shows. */
    actorRole: userRole('actor_role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('moderation_actions_consultation_idx').on(table.consultationId, table.createdAt), index('moderation_actions_input_idx').on(table.inputId)],
);
