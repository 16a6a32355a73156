// What administrators and staff did with accounts and personal data, for the city's own
// accountability: never the personal data itself, only ids, roles and actions.
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_ACTIONS } from '@/lib/audit/vocabulary';
import { userRole } from './users';

export const auditAction = pgEnum('audit_action', AUDIT_ACTIONS);

export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    action: auditAction('action').notNull(),
    /** No foreign key: the record outlives the accounts it names (deleted accounts keep their row, ids only). */
    actorId: uuid('actor_id'),
    /** The actor's role at the time; null for the system (scheduled retention) or a person acting on their own account. */
    actorRole: userRole('actor_role'),
    /** What was acted on: an account, a grievance case, a legal document. */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    /** Facts without personal data: a role before and after, a document version, counts. */
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_entries_created_idx').on(table.createdAt), index('audit_entries_subject_idx').on(table.subjectId)],
);
