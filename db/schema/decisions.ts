// Decisions that close a consultation, and the city's answer to each input: its
// outcome, the explanation, the decisions it shaped and every earlier wording of it.
// Inputs that say the same thing can be grouped into a theme and answered once.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DECISION_STATUSES, RESPONSE_OUTCOMES } from '@/lib/decisions/vocabulary';
import { consultations, storedFileColumns } from './consultations';
import { inputs } from './inputs';
import { users } from './users';

export const decisionStatus = pgEnum('decision_status', DECISION_STATUSES);
export const responseOutcome = pgEnum('response_outcome', RESPONSE_OUTCOMES);

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** Who took the decision, e.g. the city council or a department. */
    decidingBody: text('deciding_body').notNull(),
    /** The day it was taken (a calendar date, not a moment). */
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    status: decisionStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    /** Given by the publisher when published inputs were still unanswered; shown publicly. */
    unansweredReason: text('unanswered_reason'),
    /** How many published inputs had no response at publication, shown with the reason. */
    unansweredAtPublication: integer('unanswered_at_publication'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('decisions_consultation_idx').on(table.consultationId, table.status),
    check('decisions_published_complete', sql`(${table.status} = 'published') = (${table.publishedAt} is not null)`),
    check('decisions_reason_with_count', sql`(${table.unansweredReason} is null) or (${table.unansweredAtPublication} > 0)`),
  ],
);

export const decisionDocuments = pgTable(
  'decision_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ...storedFileColumns(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('decision_documents_decision_idx').on(table.decisionId, table.uploadedAt)],
);

/** Inputs that say the same thing, answered once. */
export const inputThemes = pgTable(
  'input_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('input_themes_consultation_idx').on(table.consultationId)],
);

/** An input belongs to at most one theme. */
export const inputThemeMembers = pgTable(
  'input_theme_members',
  {
    inputId: uuid('input_id')
      .primaryKey()
      .references(() => inputs.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => inputThemes.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('input_theme_members_theme_idx').on(table.themeId)],
);

/**
 * The city's answer to one input or to one theme (exactly one of the two). The row
 * holds the current wording; response_revisions keeps every wording, this one included.
 */
export const inputResponses = pgTable(
  'input_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    inputId: uuid('input_id').references(() => inputs.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id').references(() => inputThemes.id, { onDelete: 'cascade' }),
    outcome: responseOutcome('outcome').notNull(),
    explanation: text('explanation').notNull(),
    revision: integer('revision').notNull().default(1),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('input_responses_input_unique').on(table.inputId),
    uniqueIndex('input_responses_theme_unique').on(table.themeId),
    index('input_responses_consultation_idx').on(table.consultationId),
    check('input_responses_one_subject', sql`(${table.inputId} is null) <> (${table.themeId} is null)`),
  ],
);

/** The decisions a response says the input (or theme) shaped or was weighed in. */
export const responseDecisions = pgTable(
  'response_decisions',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => inputResponses.id, { onDelete: 'cascade' }),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.responseId, table.decisionId] }), index('response_decisions_decision_idx').on(table.decisionId)],
);

/** Every wording a response has had, kept visible after an edit. */
export const responseRevisions = pgTable(
  'response_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => inputResponses.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    outcome: responseOutcome('outcome').notNull(),
    explanation: text('explanation').notNull(),
    decisionIds: uuid('decision_ids').array().notNull(),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('response_revisions_unique').on(table.responseId, table.revision)],
);
