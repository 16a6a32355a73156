'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { moderateInput } from '@/lib/moderation/moderate';
import { moderateSchema } from '@/lib/moderation/schemas';

export const moderateAction = formAction(moderateSchema, async (input, { db, actor }) => {
  await moderateInput(db, { ...input, actor });
  revalidatePath('/moderation');
  revalidatePath('/consultations', 'layout');
  return successState();
});
