'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { getActor } from '@/lib/auth/session';
import { inviteOrganization, withdrawInvitation } from '@/lib/stakeholder-map/invitations';
import { loadMapHistory, type MapHistoryEntry } from '@/lib/stakeholder-map/map-page';

const invitationSchema = z.object({
  initiativeId: z.uuid('invalid'),
  slug: z.string().max(200),
  organizationId: z.uuid('organizationNotVerified'),
});

export const inviteOrganizationAction = formAction(invitationSchema, async ({ initiativeId, slug, organizationId }, { db, actor }) => {
  await inviteOrganization(db, { actor, initiativeId, organizationId });
  revalidatePath(`/initiatives/${slug}/stakeholder-map`);
  return successState();
});

export const withdrawInvitationAction = formAction(invitationSchema, async ({ initiativeId, slug, organizationId }, { db, actor }) => {
  await withdrawInvitation(db, { actor, initiativeId, organizationId });
  revalidatePath(`/initiatives/${slug}/stakeholder-map`);
  return successState();
});

/** The latest history, for the panel's refresh button; null for those who may not see it. */
export async function loadMapHistoryAction(initiativeId: unknown): Promise<MapHistoryEntry[] | null> {
  const parsed = z.uuid().safeParse(initiativeId);
  if (!parsed.success) return null;
  return loadMapHistory(await getDb(), { actor: await getActor(), initiativeId: parsed.data });
}
