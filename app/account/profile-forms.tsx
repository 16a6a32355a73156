'use client';
// The forms of the account page. Each is a plain form posted to a server action, so all
// of them work without JavaScript.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SelectField, SubmitButton, TextField } from '@/app/_components/form-fields';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { changeEmailAction, changePasswordAction, updatePreferencesAction, updatePublicNameAction } from './actions';

const withValues = (values: Record<string, string>): FormState => ({ ...initialFormState, values });

export function PublicNameForm({ name, pseudonym }: { name: string; pseudonym: string | null }) {
  const t = useTranslations('account');
  const [state, formAction] = useActionState(updatePublicNameAction, withValues({ name, pseudonym: pseudonym ?? '' }));
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} successMessage={t('saved')} />
      <TextField idPrefix="profile-" name="name" label={t('name')} hint={t('nameHint')} state={state} autoComplete="name" maxLength={120} />
      <TextField idPrefix="profile-" name="pseudonym" label={t('pseudonym')} hint={t('pseudonymHint')} state={state} autoComplete="nickname" maxLength={60} required={false} />
      <SubmitButton pendingLabel={t('saving')}>{t('saveName')}</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm({ askPassword }: { askPassword: boolean }) {
  const t = useTranslations('account');
  const [state, formAction] = useActionState(changeEmailAction, initialFormState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} successMessage={state.status === 'success' ? t('emailChangeSent', { email: state.values.email ?? '' }) : undefined} />
      <TextField idPrefix="change-" name="email" type="email" label={t('newEmail')} hint={t('newEmailHint')} state={state} autoComplete="email" />
      {askPassword && <TextField idPrefix="change-email-" name="currentPassword" type="password" label={t('currentPassword')} state={state} autoComplete="current-password" />}
      <SubmitButton pendingLabel={t('saving')}>{t('changeEmail')}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ minPasswordLength }: { minPasswordLength: number }) {
  const t = useTranslations('account');
  const [state, formAction] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} successMessage={t('passwordChanged')} />
      <TextField idPrefix="change-password-" name="currentPassword" type="password" label={t('currentPassword')} state={state} autoComplete="current-password" />
      <TextField
        idPrefix="change-password-"
        name="newPassword"
        type="password"
        label={t('newPassword')}
        hint={t('newPasswordHint', { min: minPasswordLength })}
        state={state}
        autoComplete="new-password"
      />
      <SubmitButton pendingLabel={t('saving')}>{t('changePassword')}</SubmitButton>
    </form>
  );
}

export function PreferencesForm({ locale, emailDelivery, locales }: { locale: string; emailDelivery: string; locales: ReadonlyArray<{ value: string; label: string }> }) {
  const t = useTranslations('account');
  const [state, formAction] = useActionState(updatePreferencesAction, withValues({ locale, emailDelivery }));
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} successMessage={t('saved')} />
      <SelectField name="locale" label={t('language')} options={locales} state={state} />
      <SelectField
        name="emailDelivery"
        label={t('emailDelivery')}
        hint={t('emailDeliveryHint')}
        options={[
          { value: 'immediate', label: t('delivery.immediate') },
          { value: 'none', label: t('delivery.none') },
        ]}
        state={state}
      />
      <SubmitButton pendingLabel={t('saving')}>{t('savePreferences')}</SubmitButton>
    </form>
  );
}
