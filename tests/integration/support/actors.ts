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

/** Registers a fresh account with this role and returns it as an actor. */
export async function createActor(db: Db, role: Role, name = `Test ${role}`): Promise<Extract<Actor, { kind: 'user' }> & { email: string }> {
  const email = uniqueEmail(role);
  const user = await registerUser(db, { name, email, password: 'correct horse battery', role });
  return { kind: 'user', id: user.id, name: user.name, role: user.role, email };
}
