'use client';

// The state of a form that uploads one file: its action's state, whether the chosen
// file is already known to be too large, and a submit that keeps the chosen file.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { initialFormState, type FormState } from '@/lib/actions/form-state';

type UploadAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export function useUploadForm(action: UploadAction) {
  const [state, dispatch, isPending] = useActionState(action, initialFormState);
  const [isTooLarge, setIsTooLarge] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Submitting by hand keeps the chosen file after an error (React resets a form after
  // its action runs), so nobody has to find a large file again to fix a typo in the title.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isTooLarge) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }

  useEffect(() => {
    if (state.status === 'success') formRef.current?.reset();
  }, [state]);

  return { state, dispatch, isPending, isTooLarge, setIsTooLarge, formRef, onSubmit };
}
