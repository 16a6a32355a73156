// Who is asking. Built on the server from the verified session and the database,
// never from anything the client sends.
import type { Role } from './roles';

/**
 * What a signed-in person still has to do before taking part: confirm their e-mail
 * address (when the site requires it, lib/accounts/email-verification.ts) or accept
 * the current privacy notice and terms (lib/accounts/legal-documents.ts).
 */
export type PendingAccountStep = 'verify_email' | 'accept_terms';

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      /** The person's name, as they see it themselves. */
      name: string;
      role: Role;
      /** The name others see (their pseudonym, if they chose one); `name` when absent. */
      shownAs?: string;
      pending?: readonly PendingAccountStep[];
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function isSignedIn(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user';
}

/** The name other people see for this actor (lib/accounts/public-name.ts). */
export function shownName(actor: Extract<Actor, { kind: 'user' }>): string {
  return actor.shownAs ?? actor.name;
}

/** Whether a signed-in person has done everything asked of them before taking part. */
export function isReadyToTakePart(actor: Actor): boolean {
  return isSignedIn(actor) && (actor.pending ?? []).length === 0;
}
