// Initiatives: the smart-city projects that later hold a stakeholder map,
// consultations and a grievance channel.
import { pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INITIATIVE_STATUSES } from '@/lib/initiatives/status';
import { users } from './users';

export const initiativeStatus = pgEnum('initiative_status', INITIATIVE_STATUSES);

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Readable, stable part of the public address: /initiatives/<slug>. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    status: initiativeStatus('status').notNull().default('draft'),
    responsibleUnit: text('responsible_unit').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('initiatives_slug_unique').on(table.slug)],
);
