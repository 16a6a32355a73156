// Signing in through the city's identity provider (OpenID Connect, lib/auth/options.ts).
// The provider's account (issuer + subject) is linked to a Participa account once: to the
// account with the same e-mail address if the provider says the address is verified,
// otherwise to a new account. From then on the link decides, whatever the address. The
// role follows the provider's claim at every sign-in (lib/auth/identity-provider-roles.ts),
// so someone who leaves the city's staff group loses the staff role at their next sign-in.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { identityLinks, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { revokeAllSessions } from '@/lib/auth/sessions';
import type { Role } from '@/lib/auth/roles';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { cleanDisplayName } from './display-name';
import { isLiveAccount } from './public-name';

export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  /** The role the provider's claim maps to. */
  role: Role;
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

async function applyRole(db: Db, { userId, from, to, now }: { userId: string; from: Role; to: Role; now: Date }): Promise<void> {
  if (from === to) return;
  await db.update(users).set({ role: to }).where(eq(users.id, userId));
  // Any cookie from before the change must not carry the old rights on.
  await revokeAllSessions(db, userId, { now });
  await recordAudit(db, { actor: null, action: 'role_changed', subjectType: 'account', subjectId: userId, details: { from, to, by: 'identity_provider' }, now });
}

export async function signInWithIdentity(db: Db, identity: ProviderIdentity, now = new Date()): Promise<IdentitySignIn> {
  const email = identity.email?.trim().toLowerCase() || null;
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(identityLinks)
      .innerJoin(users, eq(users.id, identityLinks.userId))
      .where(and(eq(identityLinks.issuer, identity.issuer), eq(identityLinks.subject, identity.subject), isLiveAccount))
      .limit(1);
    if (linked?.name) {
      await applyRole(tx, { userId: linked.id, from: linked.role, to: identity.role, now });
      return { userId: linked.id, name: linked.name, role: identity.role, linked: 'existing_link' };
    }

    const [holder] = email ? await tx.select({ id: users.id, name: users.name, role: users.role, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(and(eq(users.email, email), isLiveAccount)).limit(1) : [];
    if (holder?.name) {
      if (!identity.emailVerified) throw new AppError('conflict', { detail: UNVERIFIED_EMAIL });
      await tx.insert(identityLinks).values({ issuer: identity.issuer, subject: identity.subject, userId: holder.id, createdAt: now });
      if (holder.emailVerifiedAt === null) await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, holder.id));
      await applyRole(tx, { userId: holder.id, from: holder.role, to: identity.role, now });
      return { userId: holder.id, name: holder.name, role: identity.role, linked: 'verified_email' };
    }

    if (!email) throw new AppError('bad_request', { detail: 'the identity provider sent no e-mail address' });
    const name = cleanDisplayName(identity.name ?? '') || email.split('@')[0]!;
    try {
      const [created] = await tx
        .insert(users)
        .values({ name, email, passwordHash: null, role: identity.role, locale: identity.locale ?? 'en', emailVerifiedAt: identity.emailVerified ? now : null, createdAt: now })
        .returning({ id: users.id });
      await tx.insert(identityLinks).values({ issuer: identity.issuer, subject: identity.subject, userId: created!.id, createdAt: now });
      return { userId: created!.id, name, role: identity.role, linked: 'new_account' };
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', { detail: 'account created at the same moment' });
      throw error;
    }
  });
}
