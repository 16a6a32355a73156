// How an account is named to other people. A person chooses to be shown by their full
// name or by a pseudonym (lib/accounts/profile.ts); a deleted account is named by
// nobody, and the pages say "Former participant" in its place. Every query that shows
// an account's name to others selects `publicName` (or publicNameOf an alias), never
// `users.name`.
import { isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '@/db/schema';

/** The name others see of the `users` table or an alias of it; null for a deleted account. */
export function publicNameOf(table: { deletedAt: AnyPgColumn; pseudonym: AnyPgColumn; name: AnyPgColumn }) {
  return sql<string | null>`case when ${table.deletedAt} is null then coalesce(${table.pseudonym}, ${table.name}) end`;
}

export const publicName = publicNameOf(users);

/** Accounts that have not been deleted. */
export const isLiveAccount = isNull(users.deletedAt);
