// Accounts and the sign-in attempts used to throttle password guessing.
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '@/lib/auth/roles';

export const userRole = pgEnum('user_role', ROLES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Always stored lower-cased, so the unique index is case-insensitive. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('resident'),
    locale: text('locale').notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('users_email_unique').on(table.email)],
);

/** `grievance_code`: a reference and access key typed to follow a grievance (see lib/grievances/follow.ts). */
export const AUTH_ATTEMPT_KINDS = ['sign_in', 'sign_up', 'grievance_code'] as const;
export const authAttemptKind = pgEnum('auth_attempt_kind', AUTH_ATTEMPT_KINDS);

/**
 * One row per sign-in or sign-up attempt, for throttling. The e-mail is kept only as a
 * hash, and rows older than the throttling window are deleted, so this table holds
 * no readable personal data and no address for long.
 */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: authAttemptKind('kind').notNull(),
    emailHash: text('email_hash').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('auth_attempts_email_idx').on(table.kind, table.emailHash, table.attemptedAt),
    index('auth_attempts_address_idx').on(table.kind, table.address, table.attemptedAt),
  ],
);
