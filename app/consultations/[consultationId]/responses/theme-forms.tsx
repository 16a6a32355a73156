'use client';

// Grouping inputs that say the same thing into a theme, changing who is in it, and
// dissolving a theme that has not been answered.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { THEME_TITLE_MAX } from '@/lib/decisions/vocabulary';
import { addToThemeAction, createThemeAction, deleteThemeAction, removeFromThemeAction } from './actions';

export interface EligibleInput {
  id: string;
  number: number;
  title: string;
}

export function CreateThemeForm({ consultationId, eligible, permalink }: { consultationId: string; eligible: readonly EligibleInput[]; permalink: string }) {
  const t = useTranslations('responses.themes');
  const tValidation = useTranslations('validation');
  const [state, dispatch] = useActionState(createThemeAction, initialFormState, permalink);
  const ticked = state.status === 'error' ? (state.values.inputIds ?? '').split(' ') : [];
  const inputsError = state.fieldErrors.inputIds;
  const createdThemeId = state.status === 'success' ? state.values.themeId : undefined;

  const created = createdThemeId && (
    <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
      {t.rich('created', { link: (chunks) => <a href={`#theme-${createdThemeId}`}>{chunks}</a> })}
    </p>
  );

  // Stays mounted when the last inputs were just grouped, so the outcome is still shown and heard.
  if (eligible.length === 0) {
    return (
      <div className="space-y-2">
        {created || <FormMessage state={state} />}
        <p className="hint">{t('noneToGroup')}</p>
      </div>
    );
  }
  return (
    <form action={dispatch} className="card space-y-4" aria-labelledby="new-theme-heading" noValidate>
      <h3 id="new-theme-heading" className="text-lg font-semibold">
        {t('newTitle')}
      </h3>
      <p className="hint">{t('newIntro')}</p>
      {created || <FormMessage state={state} />}
      <input type="hidden" name="consultationId" value={consultationId} />
      <TextField name="title" idPrefix="new-theme-" label={t('titleLabel')} hint={t('titleHint')} state={state} maxLength={THEME_TITLE_MAX} />
      <fieldset className="space-y-2" aria-describedby={inputsError ? 'new-theme-inputs-error' : undefined}>
        <legend className="label">{t('inputsLabel')}</legend>
        {inputsError && (
          <p id="new-theme-inputs-error" className="field-error">
            {tValidation(inputsError)}
          </p>
        )}
        <ul className="max-h-80 space-y-1 overflow-y-auto rounded-md border border-stone-200 p-3">
          {eligible.map((input) => {
            const id = `new-theme-input-${input.number}`;
            return (
              <li key={input.id} className="flex items-start gap-2">
                <input id={id} type="checkbox" name="inputIds" value={input.id} className="mt-1 size-4 shrink-0" defaultChecked={ticked.includes(input.id)} />
                <label htmlFor={id}>{t('inputOption', { number: input.number, title: input.title })}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <SubmitButton pendingLabel={t('working')}>{t('create')}</SubmitButton>
    </form>
  );
}

export function RemoveFromThemeForm({ consultationId, themeId, input, permalink }: { consultationId: string; themeId: string; input: EligibleInput; permalink: string }) {
  const t = useTranslations('responses.themes');
  const [state, dispatch] = useActionState(removeFromThemeAction, initialFormState, permalink);
  return (
    <form action={dispatch} className="inline-block space-y-1">
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={themeId} />
      <input type="hidden" name="inputId" value={input.id} />
      <SubmitButton pendingLabel={t('working')} className="text-sm text-red-800 underline">
        <span aria-hidden="true">{t('remove')}</span>
        <span className="sr-only">{t('removeNamed', { number: input.number })}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteThemeForm({ consultationId, themeId, title, permalink }: { consultationId: string; themeId: string; title: string; permalink: string }) {
  const t = useTranslations('responses.themes');
  const [state, dispatch] = useActionState(deleteThemeAction, initialFormState, permalink);
  return (
    <form action={dispatch} className="space-y-1">
      <FormMessage state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={themeId} />
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        <span aria-hidden="true">{t('delete')}</span>
        <span className="sr-only">{t('deleteNamed', { title })}</span>
      </SubmitButton>
      <p className="hint">{t('deleteHint')}</p>
    </form>
  );
}

export function AddToThemeForm({
  consultationId,
  themeId,
  title,
  eligible,
  permalink,
}: {
  consultationId: string;
  themeId: string;
  title: string;
  eligible: readonly EligibleInput[];
  permalink: string;
}) {
  const t = useTranslations('responses.themes');
  const [state, dispatch] = useActionState(addToThemeAction, initialFormState, permalink);
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-2" aria-label={t('addNamed', { title })}>
      <div className="w-full">
        <FormMessage state={state} successMessage={t('added')} />
      </div>
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={themeId} />
      <div className="min-w-0 flex-1">
        <SelectField
          name="inputId"
          idPrefix={`theme-${themeId}-add-`}
          label={t('addLabel')}
          state={state}
          options={eligible.map((input) => ({ value: input.id, label: t('inputOption', { number: input.number, title: input.title }) }))}
        />
      </div>
      <SubmitButton pendingLabel={t('working')} className="button-secondary">
        {t('add')}
      </SubmitButton>
    </form>
  );
}
