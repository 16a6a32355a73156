// Registered organizations (NGOs, companies, institutions) and who belongs to them.
import { boolean, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SCALES, SECTORS, STAKEHOLDER_CATEGORIES } from '@/lib/stakeholders/vocabulary';
import { users } from './users';

export const stakeholderCategory = pgEnum('stakeholder_category', STAKEHOLDER_CATEGORIES);
export const stakeholderScale = pgEnum('stakeholder_scale', SCALES);
export const stakeholderSector = pgEnum('stakeholder_sector', SECTORS);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    category: stakeholderCategory('category').notNull(),
    scale: stakeholderScale('scale').notNull(),
    sector: stakeholderSector('sector').notNull(),
    isVerified: boolean('is_verified').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('organizations_name_unique').on(table.name)],
);

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.userId] })],
);
