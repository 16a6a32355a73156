'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { changeConsultationStatus, createConsultation, updateConsultation } from '@/lib/consultations/save-consultation';
import { changeStatusSchema, createConsultationSchema, updateConsultationSchema } from '@/lib/consultations/schemas';

export const createConsultationAction = formAction(createConsultationSchema, async (input, { db, actor }) => {
  const { id } = await createConsultation(db, { ...input, actor });
  redirect(`/consultations/${id}/manage`);
});

export const updateConsultationAction = formAction(updateConsultationSchema, async (input, { db, actor }) => {
  await updateConsultation(db, { ...input, actor });
  revalidatePath(`/consultations/${input.consultationId}`, 'layout');
  redirect(`/consultations/${input.consultationId}/manage`);
});

export const changeStatusAction = formAction(changeStatusSchema, async (input, { db, actor }) => {
  await changeConsultationStatus(db, { ...input, actor });
  revalidatePath(`/consultations/${input.consultationId}`, 'layout');
  redirect(`/consultations/${input.consultationId}/manage`);
});
