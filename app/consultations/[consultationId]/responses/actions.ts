'use server';

// Staff answer inputs and themes, and group inputs into themes. The domain functions
// authorize again; these only parse, call and re-render. A refusal because someone
// changed the same thing meanwhile re-renders the pages too, so that the person tries
// again beside what is now true rather than beside what they first saw.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { successState, type FormState } from '@/lib/actions/form-state';
import { addToTheme, createTheme, deleteTheme, removeFromTheme, respond } from '@/lib/decisions/respond';
import { createThemeSchema, respondSchema, themeMembershipSchema } from '@/lib/decisions/schemas';

type FormStateAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Coverage and answers show on every page of the consultation, the public ones too. */
function refreshConsultation(formData: FormData): void {
  const consultationId = z.uuid().safeParse(formData.get('consultationId'));
  if (consultationId.success) revalidatePath(`/consultations/${consultationId.data}`, 'layout');
}

const isStale = (state: FormState) => state.message === 'errors.conflict' || state.message === 'errors.not_found';

/**
 * Re-renders the consultation's pages after success or a stale form, and keeps every
 * box of `listFields` that was ticked (typed values hold one value per name, so the
 * list travels as its values joined by spaces; ids have none).
 */
function refreshing(action: FormStateAction, listFields: readonly string[] = []): FormStateAction {
  return async (previous, formData) => {
    const state = await action(previous, formData);
    if (!(formData instanceof FormData)) return state;
    if (state.status === 'success' || isStale(state)) refreshConsultation(formData);
    if (state.status !== 'error' || listFields.length === 0) return state;
    const lists = Object.fromEntries(listFields.map((field) => [field, formData.getAll(field).filter((value) => typeof value === 'string').join(' ')]));
    return { ...state, values: { ...state.values, ...lists } };
  };
}

export const respondAction = refreshing(
  formAction(respondSchema, async (input, { db, actor }) => {
    const { changed } = await respond(db, { ...input, actor });
    // Sending the same answer again stores nothing; saying "recorded" would suggest a new version.
    return changed ? successState() : { ...successState(), message: 'unchanged' };
  }),
  ['decisionIds'],
);

export const createThemeAction = refreshing(
  formAction(createThemeSchema, async (input, { db, actor }) => {
    const { themeId } = await createTheme(db, { ...input, actor });
    return successState({ themeId });
  }),
  ['inputIds'],
);

export const addToThemeAction = refreshing(
  formAction(themeMembershipSchema, async (input, { db, actor }) => {
    await addToTheme(db, { ...input, actor });
    return successState();
  }),
);

export const removeFromThemeAction = refreshing(
  formAction(themeMembershipSchema, async (input, { db, actor }) => {
    await removeFromTheme(db, { ...input, actor });
    return successState();
  }),
);

export const deleteThemeAction = refreshing(
  formAction(z.object({ themeId: z.uuid('theme.notFound') }), async ({ themeId }, { db, actor }) => {
    await deleteTheme(db, { actor, themeId });
    return successState();
  }),
);
