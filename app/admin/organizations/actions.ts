'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { createOrganization } from '@/lib/organizations/create-organization';
import { addMember, removeMember } from '@/lib/organizations/manage-members';
import { addMemberSchema, createOrganizationSchema, organizationIdSchema, removeMemberSchema } from '@/lib/organizations/schemas';
import { setOrganizationVerified } from '@/lib/organizations/verify-organization';

function refresh() {
  revalidatePath('/admin/organizations');
  revalidatePath('/organizations');
}

export const createOrganizationAction = formAction(createOrganizationSchema, async (input, { db, actor }) => {
  await createOrganization(db, { ...input, actor });
  refresh();
});

export const setVerifiedAction = formAction(
  organizationIdSchema.extend({ isVerified: z.enum(['true', 'false']).transform((value) => value === 'true') }),
  async (input, { db, actor }) => {
    await setOrganizationVerified(db, { ...input, actor });
    refresh();
  },
);

export const addMemberAction = formAction(addMemberSchema, async (input, { db, actor }) => {
  await addMember(db, { ...input, actor });
  refresh();
  return successState();
});

export const removeMemberAction = formAction(removeMemberSchema, async (input, { db, actor }) => {
  await removeMember(db, { ...input, actor });
  refresh();
});
