'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { markAllRead } from '@/lib/notifications/queries';

export const markAllReadAction = formAction(z.object({}), async (_input, { db, actor }) => {
  await markAllRead(db, { actor });
  revalidatePath('/', 'layout');
  return successState();
});
