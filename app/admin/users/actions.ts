'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import { deleteAccountOnRequest } from '@/lib/accounts/delete-account';
import { changeRoleSchema } from '@/lib/accounts/schemas';
import { formAction } from '@/lib/actions/form-action';

export const changeRoleAction = formAction(changeRoleSchema, async (input, { db, actor }) => {
  await changeUserRole(db, { ...input, actor });
  revalidatePath('/admin/users');
});

export const deleteAccountAction = formAction(
  z.object({ userId: z.uuid('userNotFound'), confirmed: z.literal('on', 'deletionOnRequestNotConfirmed') }),
  async ({ userId }, { db, actor }) => {
    await deleteAccountOnRequest(db, { actor, userId });
    revalidatePath('/admin/users');
  },
);
