'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { successState } from '@/lib/actions/form-state';
import { recordAssistedInput } from '@/lib/inputs/record-assisted-input';
import { replyToInput } from '@/lib/inputs/reply';
import { reportInput } from '@/lib/inputs/report';
import { assistedInputSchema, replySchema, reportSchema, submitInputSchema, supportSchema } from '@/lib/inputs/schemas';
import { submitInput } from '@/lib/inputs/submit-input';
import { supportInput, withdrawSupport } from '@/lib/inputs/support';
import { findInputForActor } from '@/lib/inputs/queries';

/** Everything a participant contributes counts against one budget (lib/rate-limit/policies.ts). */
const contribution = { limits: ['contribution'] } as const;

// After a new input the page is loaded afresh (post/redirect/get): a reload cannot send
// it again, the form gets a new submission key, and the message says what happened.
export const submitInputAction = formAction(submitInputSchema, async (input, { db, actor }) => {
  const { number, status } = await submitInput(db, { ...input, actor });
  revalidatePath(`/consultations/${input.consultationId}`);
  redirect(`/consultations/${input.consultationId}?submitted=${number}&status=${status}#input-${number}`);
}, contribution);

export const recordAssistedInputAction = formAction(assistedInputSchema, async (input, { db, actor }) => {
  const { number, status } = await recordAssistedInput(db, { ...input, actor });
  revalidatePath(`/consultations/${input.consultationId}`, 'layout');
  redirect(`/consultations/${input.consultationId}/manage?recorded=${number}&status=${status}`);
});

async function consultationOfInput(inputId: string, context: Parameters<Parameters<typeof formAction>[1]>[1]): Promise<string | null> {
  const found = await findInputForActor(context.db, { actor: context.actor, inputId });
  return found?.consultationId ?? null;
}

export const replyAction = formAction(replySchema, async (input, context) => {
  await replyToInput(context.db, { ...input, actor: context.actor });
  const consultationId = await consultationOfInput(input.parentId, context);
  if (consultationId) revalidatePath(`/consultations/${consultationId}`);
  return successState();
}, contribution);

export const supportAction = formAction(supportSchema, async (input, context) => {
  await supportInput(context.db, { ...input, actor: context.actor });
  const consultationId = await consultationOfInput(input.inputId, context);
  if (consultationId) revalidatePath(`/consultations/${consultationId}`);
  return successState();
}, contribution);

export const withdrawSupportAction = formAction(supportSchema, async (input, context) => {
  await withdrawSupport(context.db, { ...input, actor: context.actor });
  const consultationId = await consultationOfInput(input.inputId, context);
  if (consultationId) revalidatePath(`/consultations/${consultationId}`);
  return successState();
}, contribution);

export const reportAction = formAction(reportSchema, async (input, context) => {
  await reportInput(context.db, { ...input, actor: context.actor });
  return successState();
}, contribution);
