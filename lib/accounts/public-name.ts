// How an account is named to other people. A person chooses to be shown by their full
// name or by a pseudonym (lib/accounts/profile.ts); a deleted account is named by
// nobody, and the pages say "Former participant" in its place. Every query that shows
// an account's name to others selects `publicName`, never `users.name`.
import { isNull, sql } from 'drizzle-orm';
import { users } from '@/db/schema';

/** The name others see, or null for a deleted account. */
export const publicName = sql<string | null>`case when ${users.deletedAt} is null then coalesce(${users.pseudonym}, ${users.name}) end`;

/** Accounts that have not been deleted. */
export const isLiveAccount = isNull(users.deletedAt);

/** The name a person is shown by, from their own choices. */
export function publicNameFrom({ name, pseudonym }: { name: string | null; pseudonym: string | null }): string | null {
  return pseudonym ?? name;
}
