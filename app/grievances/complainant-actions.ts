'use server';

// What a complainant does: file a grievance, open a case with its codes, and take their
// steps in it. Each action checks access itself (a server action is a public endpoint):
// the follow cookie or the filer's session is verified again on every call.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction, type ActionContext } from '@/lib/actions/form-action';
import type { FormState } from '@/lib/actions/form-state';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { AppError } from '@/lib/errors';
import { accessOfNewCase, openCaseWithKey } from '@/lib/grievances/access';
import { answerIfMovedOn, complainantCaseStage } from '@/lib/grievances/case-stage';
import { readAttachmentUploads, withAttachmentProblem } from '@/lib/grievances/attachment-uploads';
import { fileGrievance, type GrievanceAttachmentUpload } from '@/lib/grievances/file-grievance';
import { acceptResolutionSchema, appealSchema, chosenAttachments, fileGrievanceSchema, followCaseSchema, sendMessageSchema } from '@/lib/grievances/filing-schemas';
import { clearFollowCookie, complainantAccessFor, setFollowCookie, setReceiptCookie } from '@/lib/grievances/follow-cookie';
import { awaitReceipt } from '@/lib/grievances/receipt';
import { takeStep } from '@/lib/grievances/take-step';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';
import type { ComplainantStep } from '@/lib/grievances/complainant-view';

const casePath = (reference: string) => `/grievances/follow/${encodeURIComponent(reference)}`;

/**
 * Files the grievance, then shows the receipt after a redirect (post/redirect/get): a
 * reload cannot send the form again, and the receipt page shows the access key on its
 * first display only; neither a cookie nor a URL carries it.
 */
export async function fileGrievanceAction(previous: FormState, formData: FormData): Promise<FormState> {
  // formAction parses only the typed fields; the files travel beside them.
  const files = formData instanceof FormData ? chosenAttachments(formData) : [];
  const file = formAction(fileGrievanceSchema, async (input, { db, actor }) => {
    // fileGrievance checks the files again, with their types.
    const attachments = await readAttachmentUploads(files);
    const filed = await fileGrievance(db, { ...input, attachments, actor });
    await setFollowCookie(accessOfNewCase(filed.grievanceId, filed.reference));
    // The receipt page shows the access key once, made then; the cookie never carries it (receipt.ts).
    await setReceiptCookie(await awaitReceipt(db, filed));
    redirect('/grievances/filed');
  }, { limits: ['grievanceFiling'] });
  return withAttachmentProblem(await file(previous, formData), files);
}

/** Every wrong, missing or malformed combination gets the same "not found" (openCaseWithKey). */
export const followCaseAction = formAction(followCaseSchema, async ({ reference, accessKey }, { db }) => {
  const access = await openCaseWithKey(db, { reference, accessKey, address: clientAddressFrom(await headers()), limits: rateLimitStoreFor(db) });
  await setFollowCookie(access);
  redirect(casePath(access.reference));
});

interface ComplainantStepInput {
  reference: string;
  /** The stage the case page showed (case-stage.ts). */
  stage: string | undefined;
  step: ComplainantStep;
  message: string;
  attachments?: GrievanceAttachmentUpload[];
}

/**
 * Takes the step, then loads the page afresh: the history shows the new step and the
 * form is empty again. A step refused because the case moved on since the page was
 * rendered (the officer closed the resolution the complainant was about to accept, say)
 * refreshes the page to where the case stands, and the answer carries the new stage: the
 * form (case-forms.tsx) stays on screen with why and with what was typed.
 */
async function complainantStep(context: ActionContext, { reference, stage, step, message, attachments }: ComplainantStepInput): Promise<FormState> {
  const access = await complainantAccessFor(context.db, { actor: context.actor, reference });
  if (!access) throw new AppError('not_found', { detail: 'no complainant access to the case', fieldErrors: { form: 'grievance.caseNotFound' } });
  try {
    await takeStep(context.db, { grievanceId: access.grievanceId, by: { kind: 'complainant', access }, step, message, attachments });
  } catch (error) {
    const answer = await answerIfMovedOn({
      error,
      stageShown: stage,
      stageNow: () => complainantCaseStage(context.db, { access }),
      values: { reference: access.reference, message },
      shownTo: 'complainant',
    });
    if (!answer) throw error;
    revalidatePath(casePath(access.reference));
    return answer;
  }
  redirect(`${casePath(access.reference)}?done=${step}#your-actions`);
}

/** A message, with files if chosen (sent beside the typed fields, as when filing). */
export async function sendMessageAction(previous: FormState, formData: FormData): Promise<FormState> {
  const files = formData instanceof FormData ? chosenAttachments(formData) : [];
  const send = formAction(sendMessageSchema, async ({ reference, stage, message }, context) =>
    complainantStep(context, { reference, stage, step: 'message', message, attachments: await readAttachmentUploads(files) }),
    { limits: ['grievanceMessage'] },
  );
  return withAttachmentProblem(await send(previous, formData), files);
}

export const acceptResolutionAction = formAction(
  acceptResolutionSchema,
  async ({ reference, stage, message }, context) => complainantStep(context, { reference, stage, step: 'accept_resolution', message }),
  { limits: ['grievanceMessage'] },
);

export const appealAction = formAction(
  appealSchema,
  async ({ reference, stage, message }, context) => complainantStep(context, { reference, stage, step: 'appeal', message }),
  { limits: ['grievanceMessage'] },
);

/** Forgets the case on this browser; the codes (or the filer's session) still open it. */
export const forgetCaseAction = formAction(z.object({}), async () => {
  await clearFollowCookie();
  redirect('/grievances/follow?forgotten=1');
});
