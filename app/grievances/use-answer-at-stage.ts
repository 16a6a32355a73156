'use client';

// The answer a step form shows, the handler's (cases/[grievanceId]/step-forms.tsx) and the
// complainant's (follow/[reference]/case-forms.tsx) alike: only one given at the stage
// the page shows now (case-stage.ts).
//
// Every step form has its slot in the page, always in the same place, so that a form
// posted without JavaScript finds its answer in the page rendered after the post even
// when the case moved on in between (React matches the answer to the component's
// place): the refused form then stays on screen with its message and text although the
// step is no longer offered. With JavaScript the answer is for the stage it was given
// at; once the page shows a later stage (after a step was taken), earlier answers are
// dropped. A step refused because the case moved on comes back with the new stage, and
// the page refreshed to it (answerIfMovedOn), so that answer stays.
import { useActionState, useSyncExternalStore } from 'react';
import { initialFormState, type FormState } from '@/lib/actions/form-state';

const subscribeToNothing = () => () => {};

/** False in the server's HTML (also the page a form posted without JavaScript gets back), true once hydrated. */
function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

export function useAnswerAtStage(
  action: (previous: FormState, formData: FormData) => Promise<FormState>,
  stage: string,
): [answer: FormState, formAction: (formData: FormData) => void] {
  const [answer, formAction] = useActionState(action, initialFormState);
  const isHydrated = useIsHydrated();
  const isCurrent = !isHydrated || answer.values.stage === stage;
  return [isCurrent ? answer : initialFormState, formAction];
}
