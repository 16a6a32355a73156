// Shared Yjs documents: an append-only log of updates, compacted snapshots, and the
// attributed edit history, which outlives compaction.
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './column-types';

/**
 * Updates not yet merged into the snapshot, with who sent them and when. Compaction
 * deletes exactly the rows it merged, after summarizing them into collab_edits.
 */
export const collabUpdates = pgTable(
  'collab_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    document: text('document').notNull(),
    update: bytea('update').notNull(),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('collab_updates_document_idx').on(table.document, table.id)],
);

/** One merged state per document. */
export const collabSnapshots = pgTable('collab_snapshots', {
  document: text('document').primaryKey(),
  state: bytea('state').notNull(),
  /** How many updates have been merged into it over its life, for operators. */
  mergedUpdates: bigint('merged_updates', { mode: 'number' }).notNull().default(0),
  compactedAt: timestamp('compacted_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who changed which document when, once compaction has merged the updates' bytes: one
 * row per user per minute (lib/collab/history.ts). Never compacted itself. User ids come from the verified collaboration token; they carry no
 * foreign key so that storing an edit can never fail on account housekeeping (a
 * deleted account's edits stay in the history, shown without a name).
 */
export const collabEdits = pgTable(
  'collab_edits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    document: text('document').notNull(),
    userId: uuid('user_id'),
    updateCount: integer('update_count').notNull(),
    byteSize: integer('byte_size').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('collab_edits_document_idx').on(table.document, table.editedAt)],
);
