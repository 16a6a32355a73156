'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { signUpAction } from './actions';

/** `minPasswordLength` comes from the page: the password rules module stays on the server. */
export function SignUpForm({ minPasswordLength }: { minPasswordLength: number }) {
  const t = useTranslations('signUp');
  const router = useRouter();
  const [state, formAction] = useActionState(signUpAction, initialFormState);
  // Kept only in this tab's memory, to sign the new account in right away.
  const passwordRef = useRef<string | null>(null);

  useEffect(() => {
    const password = passwordRef.current;
    if (state.status !== 'success' || !password || !state.values.email) return;
    passwordRef.current = null;
    void signIn('credentials', { email: state.values.email, password, redirect: false }).then((result) => {
      if (result?.ok) {
        router.push('/');
        router.refresh();
      }
    });
  }, [state, router]);

  if (state.status === 'success') {
    return (
      <div role="status" className="card space-y-3">
        <p>{t('created')}</p>
        <Link href="/signin" className="button">
          {t('signInNow')}
        </Link>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        passwordRef.current = String(new FormData(event.currentTarget).get('password') ?? '');
      }}
      className="card space-y-4"
      noValidate
    >
      <FormMessage state={state} />
      <TextField name="name" label={t('name')} hint={t('nameHint')} state={state} autoComplete="name" maxLength={120} />
      <TextField name="email" type="email" label={t('email')} hint={t('emailHint')} state={state} autoComplete="email" />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint', { min: minPasswordLength })}
        state={state}
        autoComplete="new-password"
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
