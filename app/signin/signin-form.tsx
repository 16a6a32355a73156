'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import type { SignInProblem } from '@/lib/auth/sign-in-problem';
import { signInAction } from './actions';

/**
 * A plain form posted to a server action: without JavaScript the browser posts it and
 * follows the redirect, or gets the page back with the problem above the fields.
 * `initialProblem` is one next-auth reported in the address (a failed sign-in with the
 * city's identity provider).
 */
export function SignInForm({ callbackPath, initialProblem }: { callbackPath: string; initialProblem: SignInProblem | null }) {
  const t = useTranslations('signIn');
  const [state, formAction] = useActionState(signInAction, initialFormState);

  return (
    <form action={formAction} className="card space-y-4" aria-describedby={state.status === 'error' || initialProblem ? 'signin-problem' : undefined}>
      {state.status === 'error' ? (
        <div id="signin-problem">
          <FormMessage state={state} />
        </div>
      ) : (
        initialProblem && (
          <p id="signin-problem" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
            {initialProblem.kind === 'tooManyAttempts' ? t('tooManyAttempts', initialProblem.wait) : t(initialProblem.kind)}
          </p>
        )
      )}
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <div className="space-y-1">
        <label htmlFor="email" className="label">
          {t('email')}
        </label>
        <input id="email" name="email" type="email" className="input" autoComplete="email" required defaultValue={state.values.email} />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="label">
          {t('password')}
        </label>
        <input id="password" name="password" type="password" className="input" autoComplete="current-password" required />
      </div>
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
