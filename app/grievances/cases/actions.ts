'use server';

// The grievance officer's forms: a step on a case, and a grievance received offline.
// Both domain functions authorize again (grievance.handle / grievance.recordOffline):
// an action id is a public endpoint.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { successState, type FormState } from '@/lib/actions/form-state';
import { answerIfMovedOn, currentCaseStage } from '@/lib/grievances/case-stage';
import { readAttachmentUploads, withAttachmentProblem } from '@/lib/grievances/attachment-uploads';
import { recordOfflineGrievance } from '@/lib/grievances/file-grievance';
import { chosenAttachments } from '@/lib/grievances/filing-schemas';
import { recordOfflineSchema } from '@/lib/grievances/record-schemas';
import { handlerStepSchema } from '@/lib/grievances/step-schemas';
import { takeStep } from '@/lib/grievances/take-step';

// After a step the case page is loaded afresh (post/redirect/get): its forms are those
// of the new stage, and a reload cannot take the step twice.
//
// When the step is refused because someone else moved the case on since this page was
// rendered, the page is refreshed so it shows where the case stands, and the answer
// carries the new stage: the form (step-forms.tsx) then stays on screen with why and
// with what was typed, instead of a bare "wrong stage" on a page that still shows the
// stage where the step was possible.
//
// Files travel beside the typed fields, as when filing; only the message form has a file
// input, and takeStep refuses files with any other step.
export async function takeStepAction(previous: FormState, formData: FormData): Promise<FormState> {
  const files = formData instanceof FormData ? chosenAttachments(formData) : [];
  const take = formAction(handlerStepSchema, async ({ grievanceId, step, message, officerId, stage }, { db, actor }) => {
    try {
      await takeStep(db, { grievanceId, by: { kind: 'staff', actor }, step, message, officerId, attachments: await readAttachmentUploads(files) });
    } catch (error) {
      const answer = await answerIfMovedOn({
        error,
        stageShown: stage,
        stageNow: () => currentCaseStage(db, { actor, grievanceId }),
        values: { grievanceId, step, message, ...(officerId ? { officerId } : {}) },
        shownTo: 'handler',
      });
      if (!answer) throw error;
      revalidatePath(`/grievances/cases/${grievanceId}`);
      return answer;
    }
    revalidatePath('/grievances/cases', 'layout');
    redirect(`/grievances/cases/${grievanceId}?done=${step}`);
  });
  return withAttachmentProblem(await take(previous, formData), files);
}

/**
 * Answers with the reference and the access key to hand to the complainant. They are
 * shown once, in this response only: the key is never put in a URL or stored readable.
 */
export async function recordOfflineAction(previous: FormState, formData: FormData): Promise<FormState> {
  const files = formData instanceof FormData ? chosenAttachments(formData) : [];
  const record = formAction(recordOfflineSchema, async ({ receivedAt, place, eventDate, outcomeSought, contactName, contactEmail, contactPhone, ...input }, { db, actor }) => {
    const filed = await recordOfflineGrievance(db, {
      actor,
      ...input,
      receivedAt,
      place: place ?? null,
      eventDate: eventDate ?? null,
      outcomeSought: outcomeSought ?? null,
      contactName: contactName ?? null,
      contactEmail: contactEmail ?? null,
      contactPhone: contactPhone ?? null,
      attachments: await readAttachmentUploads(files),
    });
    revalidatePath('/grievances/cases', 'layout');
    return successState({ grievanceId: filed.grievanceId, reference: filed.reference, accessKey: filed.accessKey });
  });
  return withAttachmentProblem(await record(previous, formData), files);
}
