// Accounts, their server-side sessions, and the counters of the rate limiter.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_DELIVERIES } from '@/lib/accounts/vocabulary';
import { ROLES } from '@/lib/auth/roles';

export const userRole = pgEnum('user_role', ROLES);
export const emailDelivery = pgEnum('email_delivery', EMAIL_DELIVERIES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null once the account is deleted: the row stays so that contributions keep their place. */
    name: text('name'),
    /** Always stored lower-cased, so the unique index is case-insensitive. Null once deleted. */
    email: text('email'),
    /** Null for an account that signs in only through the city's identity provider, and once deleted. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('resident'),
    locale: text('locale').notNull().default('en'),
    /** When the person proved they receive mail at `email`; null until then. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Shown on contributions instead of `name` when set (lib/accounts/public-name.ts). */
    pseudonym: text('pseudonym'),
    /** Whether notifications also arrive by e-mail. */
    emailDelivery: emailDelivery('email_delivery').notNull().default('immediate'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person's data was erased (lib/accounts/delete-account.ts). */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(table.email),
    // Only erasure takes the name and the address away.
    check('users_live_have_name_and_email', sql`${table.deletedAt} is not null or (${table.name} is not null and ${table.email} is not null)`),
  ],
);

/**
 * Server-side record of each signed-in session. The session cookie (a JWT) names one
 * row; signing out, "sign out everywhere", a role change or a password change revoke
 * rows, and a cookie whose row is revoked or gone is worth nothing from then on.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('user_sessions_user_idx').on(table.userId)],
);

/**
 * Counters of lib/rate-limit (rate-limiter-flexible's Drizzle store), used when no
 * Redis is configured. Keys hold hashes and addresses only; expired rows are deleted.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
