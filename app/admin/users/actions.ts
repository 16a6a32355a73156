'use server';

import { revalidatePath } from 'next/cache';
import { changeUserRole } from '@/lib/accounts/change-user-role';
import { changeRoleSchema } from '@/lib/accounts/schemas';
import { formAction } from '@/lib/actions/form-action';

export const changeRoleAction = formAction(changeRoleSchema, async (input, { db, actor }) => {
  await changeUserRole(db, { ...input, actor });
  revalidatePath('/admin/users');
});
