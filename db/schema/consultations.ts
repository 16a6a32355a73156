// Consultations of an initiative, the documents the public reads before and during
// them, and the stored bytes of uploaded files.
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { CONSULTATION_STATUSES, DEFAULT_INFORMATION_DAYS, MODERATION_MODES, PARTICIPATION_LEVELS } from '@/lib/consultations/vocabulary';
import { bytea } from './column-types';
import { initiatives } from './initiatives';
import { users } from './users';

export const consultationStatus = pgEnum('consultation_status', CONSULTATION_STATUSES);
export const participationLevel = pgEnum('participation_level', PARTICIPATION_LEVELS);
export const moderationMode = pgEnum('moderation_mode', MODERATION_MODES);

export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    title: text('title').notNull(),
    /** The question(s) put to the public, in the order they are asked. */
    questions: text('questions').array().notNull(),
    /** What can still change as a result of the consultation, and what cannot. */
    scope: text('scope').notNull(),
    level: participationLevel('level').notNull(),
    status: consultationStatus('status').notNull().default('draft'),
    moderationMode: moderationMode('moderation_mode').notNull().default('post'),
    /** The public sees the consultation from this moment (once it has left draft). */
    informationAt: timestamp('information_at', { withTimezone: true }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** How long a background document must have been public before opening. */
    informationDays: integer('information_days').notNull().default(DEFAULT_INFORMATION_DAYS),
    /** Required, and shown publicly, when informationDays is below the default. */
    shortInformationReason: text('short_information_reason'),
    /** An image of the plan that inputs may be pinned to. */
    planDocumentId: uuid('plan_document_id').references((): AnyPgColumn => consultationDocuments.id, { onDelete: 'set null' }),
    /** When the status actually changed, as opposed to the planned dates above. */
    informationStartedAt: timestamp('information_started_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When its first decision was published. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('consultations_initiative_idx').on(table.initiativeId),
    check('consultations_dates_in_order', sql`${table.informationAt} <= ${table.opensAt} and ${table.opensAt} < ${table.closesAt}`),
    check('consultations_information_days_range', sql`${table.informationDays} between 0 and 90`),
  ],
);

/**
 * Uploaded files, behind lib/documents/storage.ts. `bytes` is set only for files stored
 * before file bytes moved out of the database; newer files live in the file store
 * (DATA_DIR/files by default) under the row's id.
 */
export const storedFiles = pgTable('stored_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  bytes: bytea('bytes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a row naming an uploaded file says about it; the bytes are in stored_files. */
export const storedFileColumns = () => ({
  fileName: text('file_name').notNull(),
  /** Detected from the content, never taken from the upload's claim. */
  contentType: text('content_type').notNull(),
  byteSize: integer('byte_size').notNull(),
  fileId: uuid('file_id')
    .notNull()
    .references(() => storedFiles.id),
});

export const consultationDocuments = pgTable(
  'consultation_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ...storedFileColumns(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('consultation_documents_consultation_idx').on(table.consultationId, table.uploadedAt)],
);
