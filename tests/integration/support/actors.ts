import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';
import type { Db } from '@/db';
import { registerUser } from '@/lib/accounts/register-user';

let counter = 0;

/** A unique e-mail, so tests sharing a database never collide. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label}-${counter}-${randomUUID().slice(0, 8)}@example.org`;
}

/**
 * Registers a fresh account with this role and returns it as an actor. The default name
 * is unique: a resident may not take a staff member's name, and tests promote people.
 */
export async function createActor(db: Db, role: Role, name?: string): Promise<Extract<Actor, { kind: 'user' }> & { email: string }> {
  const email = uniqueEmail(role);
  const user = await registerUser(db, { name: name ?? `Test ${role} ${counter}`, email, password: 'correct horse battery', role });
  return { kind: 'user', id: user.id, name: user.name, role: user.role, email };
}
