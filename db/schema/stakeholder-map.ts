// Who may edit an initiative's stakeholder map besides staff. The map itself is a
// shared Yjs document (collab.ts); this table only holds the invitations.
import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { initiatives } from './initiatives';
import { organizations } from './organizations';
import { users } from './users';

/** Members of an invited organization edit the map (lib/auth/policy.ts stakeholderMap.edit). */
export const stakeholderMapInvitations = pgTable(
  'stakeholder_map_invitations',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.initiativeId, table.organizationId] })],
);
