// Who is asking. Built on the server from the verified session and the database,
// never from anything the client sends.
import type { Role } from './roles';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; name: string; role: Role };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function isSignedIn(actor: Actor): actor is Extract<Actor, { kind: 'user' }> {
  return actor.kind === 'user';
}
