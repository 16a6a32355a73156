// Scheduled work shared by every process (lib/jobs/scheduler.ts): one row per task,
// claimed by the process that moves its next run forward.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const scheduledTasks = pgTable('scheduled_tasks', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** 'succeeded' or 'failed'; the failure's name only, never data it touched. */
  lastOutcome: text('last_outcome'),
  lastError: text('last_error'),
});
