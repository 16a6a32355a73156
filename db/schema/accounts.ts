// The account life cycle around `users`: single-use links sent by e-mail, the privacy
// notice and terms with the consent each person gave, and sign-ins through the city's
// identity provider.
import { integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import { ACCOUNT_TOKEN_PURPOSES, LEGAL_DOCUMENT_KINDS } from '@/lib/accounts/vocabulary';
import { users } from './users';

export const accountTokenPurpose = pgEnum('account_token_purpose', ACCOUNT_TOKEN_PURPOSES);
export const legalDocumentKind = pgEnum('legal_document_kind', LEGAL_DOCUMENT_KINDS);

/**
 * A link sent by e-mail (lib/accounts/account-tokens.ts). Only the SHA-256 of the token
 * is stored, so a copy of the database lets nobody reset a password; `email` is the
 * address the link went to, which a verification link proves and makes the account's.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('account_tokens_hash_unique').on(table.tokenHash), index('account_tokens_user_idx').on(table.userId, table.purpose)],
);

/** Each published version of the privacy notice and of the terms; a version is never edited, only followed. */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: legalDocumentKind('kind').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    /** What changed since the previous version, shown when people are asked again. */
    changeSummary: text('change_summary'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [uniqueIndex('legal_documents_kind_version_unique').on(table.kind, table.version)],
);

/** A person's agreement to one version of one document, with when they gave it. */
export const consents = pgTable(
  'consents',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: legalDocumentKind('kind').notNull(),
    version: integer('version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind, table.version] })],
);

/** An account of the city's identity provider (OpenID Connect `iss` + `sub`) and the Participa account it signs into. */
export const identityLinks = pgTable(
  'identity_links',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.issuer, table.subject] }), index('identity_links_user_idx').on(table.userId)],
);
