// A person's own account: what it holds, and the changes they make to it. Each function
// acts on the signed-in actor's own account only, so no id from a form is ever trusted.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { identityLinks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { findPasswordProblem } from '@/lib/auth/password-rules';
import { authorize } from '@/lib/auth/policy';
import { revokeAllSessions } from '@/lib/auth/sessions';
import type { Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { databaseRateLimitStore, type RateLimitStore } from '@/lib/rate-limit/store';
import { countAccountEmailRequest, mayMailAccount, type AccountEmail } from './account-emails';
import { invalidateAccountTokens } from './account-tokens';
import { confirmCurrentPassword } from './current-password';
import { cleanDisplayName } from './display-name';
import { prepareEmailConfirmation } from './email-verification';
import { consentsOf } from './legal-documents';
import { isLiveAccount } from './public-name';
import type { PreferencesInput, PublicNameInput } from './schemas';
import { hasProtectedName, isStaffMemberName } from './staff-names';
import type { EmailDelivery, LegalDocumentKind } from './vocabulary';

type SignedInActor = Extract<Actor, { kind: 'user' }>;

function ownAccount(actor: Actor): SignedInActor {
  authorize(actor, 'account.manageOwn');
  return actor as SignedInActor;
}

export interface Profile {
  id: string;
  name: string;
  pseudonym: string | null;
  email: string;
  emailVerifiedAt: Date | null;
  role: Role;
  locale: string;
  emailDelivery: EmailDelivery;
  /** False for accounts that sign in only through the city's identity provider. */
  hasPassword: boolean;
  signsInThroughProvider: boolean;
  createdAt: Date;
  consents: Array<{ kind: LegalDocumentKind; version: number; acceptedAt: Date }>;
}

export async function loadProfile(db: Db, { actor }: { actor: Actor }): Promise<Profile> {
  const me = ownAccount(actor);
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      pseudonym: users.pseudonym,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      role: users.role,
      locale: users.locale,
      emailDelivery: users.emailDelivery,
      passwordHash: users.passwordHash,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.id, me.id), isLiveAccount))
    .limit(1);
  if (!row?.name || !row.email) throw new AppError('unauthenticated');
  const [link] = await db.select({ issuer: identityLinks.issuer }).from(identityLinks).where(eq(identityLinks.userId, me.id)).limit(1);
  const { passwordHash, ...profile } = row;
  return { ...profile, name: row.name, email: row.email, hasPassword: passwordHash !== null, signsInThroughProvider: link !== undefined, consents: await consentsOf(db, me.id) };
}

/** The name and the pseudonym; neither may pass for a staff member's unless the person is staff. */
export async function updatePublicName(db: Db, { actor, name, pseudonym }: { actor: Actor } & PublicNameInput): Promise<void> {
  const me = ownAccount(actor);
  const shownAs = pseudonym ? cleanDisplayName(pseudonym) || null : null;
  if (!hasProtectedName(me.role)) {
    // One's own current name is not "another staff member's", but residents are never staff, so any match is someone else.
    if (await isStaffMemberName(db, name)) throw new AppError('bad_request', { fieldErrors: { name: 'nameOfStaffMember' } });
    if (shownAs && (await isStaffMemberName(db, shownAs))) throw new AppError('bad_request', { fieldErrors: { pseudonym: 'nameOfStaffMember' } });
  }
  await db.update(users).set({ name, pseudonym: shownAs }).where(and(eq(users.id, me.id), isLiveAccount));
}

export async function updatePreferences(db: Db, { actor, locale, emailDelivery }: { actor: Actor } & PreferencesInput): Promise<void> {
  const me = ownAccount(actor);
  await db.update(users).set({ locale, emailDelivery }).where(and(eq(users.id, me.id), isLiveAccount));
}

/**
 * Asks for a new e-mail address: a confirmation link goes to it, and the account's
 * address changes only when the link is followed (lib/accounts/email-verification.ts).
 * Null when the account has had its share of mails for now.
 */
export async function requestEmailChange(
  db: Db,
  { actor, email, currentPassword, address, limits = databaseRateLimitStore(db) }: { actor: Actor; email: string; currentPassword?: string; address: string; limits?: RateLimitStore },
): Promise<AccountEmail | null> {
  const me = ownAccount(actor);
  const details = await confirmCurrentPassword(db, { userId: me.id, password: currentPassword, address, limits });
  // The provider vouches for the address of an account it signs in; it changes there.
  if (!details.hasPassword) throw new AppError('bad_request', { fieldErrors: { form: 'emailManagedByProvider' } });
  if (email === details.email) throw new AppError('bad_request', { fieldErrors: { email: 'emailUnchanged' } });
  await countAccountEmailRequest(limits, address);
  if (!(await mayMailAccount(limits, { address, userId: me.id }))) return null;
  return prepareEmailConfirmation(db, { userId: me.id, email, locale: details.locale, isChange: true });
}

/**
 * Changes the password after checking the current one; every other session of the
 * account ends, the one in use stays. Returns how many sessions ended.
 */
export async function changePassword(
  db: Db,
  {
    actor,
    currentPassword,
    newPassword,
    currentSessionId,
    address,
    limits = databaseRateLimitStore(db),
  }: { actor: Actor; currentPassword: string; newPassword: string; currentSessionId: string | null; address: string; limits?: RateLimitStore },
): Promise<number> {
  const me = ownAccount(actor);
  const details = await confirmCurrentPassword(db, { userId: me.id, password: currentPassword, address, limits });
  if (!details.hasPassword) throw new AppError('bad_request', { fieldErrors: { form: 'passwordManagedByProvider' } });
  const problem = findPasswordProblem({ password: newPassword, email: details.email, name: details.name });
  if (problem) throw new AppError('bad_request', { fieldErrors: { newPassword: problem } });
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, me.id));
    await invalidateAccountTokens(tx, me.id, { purpose: 'password_reset' });
    return revokeAllSessions(tx, me.id, currentSessionId ? { except: currentSessionId } : {});
  });
}
