'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { CheckboxField, FormMessage, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState } from '@/lib/actions/form-state';
import { signUpAction } from './actions';

/**
 * A plain form posted to a server action, so it works without JavaScript: on success the
 * action signs the new account in and redirects. `minPasswordLength` comes from the page
 * (the password rules stay on the server); `versions` are those of the privacy notice and
 * terms the page linked to, which the person agrees to.
 */
export function SignUpForm({ minPasswordLength, versions }: { minPasswordLength: number; versions: { privacyNotice: number; terms: number } }) {
  const t = useTranslations('signUp');
  const [state, formAction] = useActionState(signUpAction, initialFormState);

  return (
    <form action={formAction} className="card space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label={t('name')} hint={t('nameHint')} state={state} autoComplete="name" maxLength={120} />
      <TextField name="pseudonym" label={t('pseudonym')} hint={t('pseudonymHint')} state={state} autoComplete="nickname" maxLength={60} required={false} />
      <TextField name="email" type="email" label={t('email')} hint={t('emailHint')} state={state} autoComplete="email" />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint', { min: minPasswordLength })}
        state={state}
        autoComplete="new-password"
      />
      <input type="hidden" name="privacyNoticeVersion" value={versions.privacyNotice} />
      <input type="hidden" name="termsVersion" value={versions.terms} />
      <CheckboxField
        name="acceptTerms"
        state={state}
        label={t.rich('acceptTerms', {
          terms: (chunks) => <Link href="/terms">{chunks}</Link>,
          privacy: (chunks) => <Link href="/privacy">{chunks}</Link>,
        })}
      />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
