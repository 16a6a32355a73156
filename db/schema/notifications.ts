// In-app notifications. A row keeps ids and reasons only; its text comes from the
// catalogue in the reader's language.
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS } from '@/lib/notifications/vocabulary';
import { consultations } from './consultations';
import { grievances } from './grievances';
import { hideReason, inputs } from './inputs';
import { users } from './users';

export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'cascade' }),
    inputId: uuid('input_id').references(() => inputs.id, { onDelete: 'cascade' }),
    grievanceId: uuid('grievance_id').references(() => grievances.id),
    reason: hideReason('reason'),
    note: text('note'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);
