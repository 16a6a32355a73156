'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import type { ConsultationStatus } from '@/lib/consultations/vocabulary';

interface StatusControlProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  consultationId: string;
  to: ConsultationStatus;
}

/** One button moving the consultation to its next status; a refusal says why. */
export function StatusControl({ action, consultationId, to }: StatusControlProps) {
  const t = useTranslations('consultations.manage');
  const tv = useTranslations('validation');
  const [state, formAction] = useActionState(action, initialFormState);
  const refusal = state.fieldErrors.to;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="to" value={to} />
      {refusal ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {tv(refusal)}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      <SubmitButton pendingLabel={t('working')}>{t(`moveTo.${to}`)}</SubmitButton>
    </form>
  );
}
