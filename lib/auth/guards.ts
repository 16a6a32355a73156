// Page guards: anonymous visitors get 401 (with a sign-in link), signed-in people
// without the permission get 403. Both render app/unauthorized.tsx / app/forbidden.tsx.
import { forbidden, unauthorized } from 'next/navigation';
import { isSignedIn, type Actor } from './actor';
import { can, type PolicyAction, type PolicyResources } from './policy';
import { getActor } from './session';

type NoResourceAction = { [A in PolicyAction]: PolicyResources[A] extends undefined ? A : never }[PolicyAction];

export async function requirePermission(action: NoResourceAction): Promise<Actor> {
  const actor = await getActor();
  if (can(actor, action)) return actor;
  if (!isSignedIn(actor)) unauthorized();
  forbidden();
}
