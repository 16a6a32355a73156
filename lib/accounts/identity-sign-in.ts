// Signing in through the city's identity provider (OpenID Connect, lib/auth/options.ts).
// The provider's account (issuer + subject) is linked to a Participa account once: to the
// account with the same e-mail address if the provider says the address is verified,
// otherwise to a new account. From then on the link decides, whatever the address.
//
// A linked account signs in through the provider only: linking erases its password and
// ends its sessions, and it can get no new password or address here
// (lib/accounts/password-reset.ts, profile.ts). Otherwise whoever had registered the
// address first (without confirming it) would keep a password into a staff account, and a
// password would outlive the person's removal from the staff group at the provider.
//
// When OIDC_ROLE_MAP is configured the role follows the provider's claim at every sign-in
// (lib/auth/identity-provider-roles.ts), so someone who leaves the city's staff group loses
// the staff role at their next sign-in; the last administrator is never demoted this way.
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { identityLinks, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { revokeAllSessions } from '@/lib/auth/sessions';
import type { Role } from '@/lib/auth/roles';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { invalidateAccountTokens } from './account-tokens';
import { ROLE_CHANGE_LOCK_KEY } from './change-user-role';
import { cleanDisplayName } from './display-name';
import { isLiveAccount } from './public-name';

export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** The role the provider's claim maps to; null when roles are not managed by the provider (no OIDC_ROLE_MAP). */
  role: Role | null;
  locale?: string;
}

export interface IdentitySignIn {
  userId: string;
  name: string;
  role: Role;
  linked: 'existing_link' | 'verified_email' | 'new_account';
}

/** Thrown when the provider's address belongs to an account but the provider does not vouch for it. */
export const UNVERIFIED_EMAIL = 'IdentityEmailNotVerified';

/** Gives the account the provider's role (serialized with administrators' role changes); returns the role it has now. */
async function applyRole(db: Db, { userId, from, to, now }: { userId: string; from: Role; to: Role | null; now: Date }): Promise<Role> {
  if (to === null || from === to) return from;
  await db.execute(sql`select pg_advisory_xact_lock(${ROLE_CHANGE_LOCK_KEY})`);
  if (from === 'admin') {
    const [others] = await db.select({ count: count() }).from(users).where(and(eq(users.role, 'admin'), isLiveAccount, ne(users.id, userId)));
    if ((others?.count ?? 0) === 0) return from;
  }
  await db.update(users).set({ role: to }).where(eq(users.id, userId));
  // Any cookie from before the change must not carry the old rights on.
  await revokeAllSessions(db, userId, { now });
  await recordAudit(db, { actor: null, action: 'role_changed', subjectType: 'account', subjectId: userId, details: { from, to, by: 'identity_provider' }, now });
  return to;
}

export async function signInWithIdentity(db: Db, identity: ProviderIdentity, { now = new Date(), defaultRole = 'resident' }: { now?: Date; defaultRole?: Role } = {}): Promise<IdentitySignIn> {
  const email = identity.email?.trim().toLowerCase() || null;
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(identityLinks)
      .innerJoin(users, eq(users.id, identityLinks.userId))
      .where(and(eq(identityLinks.issuer, identity.issuer), eq(identityLinks.subject, identity.subject), isLiveAccount))
      .limit(1);
    if (linked?.name) {
      const role = await applyRole(tx, { userId: linked.id, from: linked.role, to: identity.role, now });
      return { userId: linked.id, name: linked.name, role, linked: 'existing_link' };
    }

    const [holder] = email ? await tx.select({ id: users.id, name: users.name, role: users.role, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(and(eq(users.email, email), isLiveAccount)).limit(1) : [];
    if (holder?.name) {
      if (!identity.emailVerified) throw new AppError('conflict', { detail: UNVERIFIED_EMAIL });
      await tx.insert(identityLinks).values({ issuer: identity.issuer, subject: identity.subject, userId: holder.id, createdAt: now });
      // The provider vouches for the address: from now on only the provider signs this account in.
      await tx.update(users).set({ passwordHash: null, emailVerifiedAt: holder.emailVerifiedAt ?? now }).where(eq(users.id, holder.id));
      await revokeAllSessions(tx, holder.id, { now });
      await invalidateAccountTokens(tx, holder.id, { now });
      const role = await applyRole(tx, { userId: holder.id, from: holder.role, to: identity.role, now });
      return { userId: holder.id, name: holder.name, role, linked: 'verified_email' };
    }

    if (!email) throw new AppError('bad_request', { detail: 'the identity provider sent no e-mail address' });
    const name = cleanDisplayName(identity.name ?? '') || email.split('@')[0]!;
    try {
      const [created] = await tx
        .insert(users)
        .values({ name, email, passwordHash: null, role: identity.role ?? defaultRole, locale: identity.locale ?? 'en', emailVerifiedAt: identity.emailVerified ? now : null, createdAt: now })
        .returning({ id: users.id });
      await tx.insert(identityLinks).values({ issuer: identity.issuer, subject: identity.subject, userId: created!.id, createdAt: now });
      return { userId: created!.id, name, role: identity.role ?? defaultRole, linked: 'new_account' };
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', { detail: 'account created at the same moment' });
      throw error;
    }
  });
}
