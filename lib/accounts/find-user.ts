import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { isLiveAccount } from './public-name';

export interface UserIdentity {
  id: string;
  name: string;
  /** The name others see: the pseudonym if there is one. */
  shownAs: string;
  role: Role;
  locale: string;
  emailVerified: boolean;
  /** A current version of the privacy notice or the terms that the person has not accepted yet. */
  hasConsentOutstanding: boolean;
}

/** The account as it is now, or null when there is none or it was deleted. One query, run on every request. */
export async function findUserById(db: Db, id: string): Promise<UserIdentity | null> {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      pseudonym: users.pseudonym,
      role: users.role,
      locale: users.locale,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      hasConsentOutstanding: sql<boolean>`exists (
        select 1 from (select kind, max(version) as version from legal_documents group by kind) as current_version
        where not exists (
          select 1 from consents
          where consents.user_id = ${users.id} and consents.kind = current_version.kind and consents.version = current_version.version
        )
      )`,
    })
    .from(users)
    .where(and(eq(users.id, id), isLiveAccount))
    .limit(1);
  if (!user?.name) return null;
  const { pseudonym, ...rest } = user;
  return { ...rest, name: user.name, shownAs: pseudonym ?? user.name };
}
