'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { createInitiative, updateInitiative } from '@/lib/initiatives/save-initiative';
import { initiativeFieldsSchema, updateInitiativeSchema } from '@/lib/initiatives/schemas';

export const createInitiativeAction = formAction(initiativeFieldsSchema, async (input, { db, actor }) => {
  const { slug } = await createInitiative(db, { ...input, actor });
  revalidatePath('/');
  redirect(`/initiatives/${slug}`);
});

export const updateInitiativeAction = formAction(updateInitiativeSchema, async (input, { db, actor }) => {
  const { slug } = await updateInitiative(db, { ...input, actor });
  revalidatePath('/');
  redirect(`/initiatives/${slug}`);
});
