'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { createDecision } from '@/lib/decisions/manage-decisions';
import { createDecisionSchema } from '@/lib/decisions/schemas';

// A new draft opens on its own page, where its documents are attached and it is published.
export const createDecisionAction = formAction(createDecisionSchema, async (input, { db, actor }) => {
  const { decisionId } = await createDecision(db, { ...input, actor });
  revalidatePath(`/consultations/${input.consultationId}`, 'layout');
  redirect(`/consultations/${input.consultationId}/decisions/${decisionId}?created=1`);
});
