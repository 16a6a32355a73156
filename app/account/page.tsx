import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { loadProfile } from '@/lib/accounts/profile';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { requirePermission } from '@/lib/auth/guards';
import { LOCALES } from '@/lib/i18n/config';
import { ResendConfirmationForm } from '@/app/_components/resend-confirmation-form';
import { canSendAccountEmails } from '@/lib/accounts/account-emails';
import { ChangeEmailForm, ChangePasswordForm, PreferencesForm, PublicNameForm } from './profile-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('account.manageOwn');
  const profile = await loadProfile(await getDb(), { actor });
  const params = await searchParams;
  const t = await getTranslations('account');
  const tLanguages = await getTranslations('languages');
  const tLegal = await getTranslations('legal');
  const format = await getFormatter();
  const section = 'card space-y-4';

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {params.agreed === '1' && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {t('agreedNow')}
        </p>
      )}
      {params.passwordReset === '1' && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {t('passwordWasReset')}
        </p>
      )}

      <section aria-labelledby="shown-heading" className={section}>
        <h2 id="shown-heading" className="text-xl font-semibold">
          {t('shownTitle')}
        </h2>
        <p>{profile.pseudonym ? t('shownAsPseudonym', { pseudonym: profile.pseudonym }) : t('shownAsName', { name: profile.name })}</p>
        <PublicNameForm name={profile.name} pseudonym={profile.pseudonym} />
      </section>

      <section aria-labelledby="email-heading" className={section}>
        <h2 id="email-heading" className="text-xl font-semibold">
          {t('emailTitle')}
        </h2>
        <p>
          {profile.emailVerifiedAt
            ? t('emailConfirmed', { email: profile.email, date: format.dateTime(profile.emailVerifiedAt, { dateStyle: 'long' }) })
            : t('emailNotConfirmed', { email: profile.email })}
        </p>
        {!profile.emailVerifiedAt && canSendAccountEmails() && <ResendConfirmationForm />}
        {profile.hasPassword ? <ChangeEmailForm askPassword /> : <p>{t('emailManagedByProvider')}</p>}
      </section>

      {profile.hasPassword ? (
        <section aria-labelledby="password-heading" className={section}>
          <h2 id="password-heading" className="text-xl font-semibold">
            {t('passwordTitle')}
          </h2>
          <p>{t('passwordLead')}</p>
          <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
        </section>
      ) : (
        <p className="card">{t('signsInThroughProvider')}</p>
      )}

      <section aria-labelledby="preferences-heading" className={section}>
        <h2 id="preferences-heading" className="text-xl font-semibold">
          {t('preferencesTitle')}
        </h2>
        <PreferencesForm locale={profile.locale} emailDelivery={profile.emailDelivery} locales={LOCALES.map((locale) => ({ value: locale, label: tLanguages(locale) }))} />
      </section>

      <section aria-labelledby="agreements-heading" className={section}>
        <h2 id="agreements-heading" className="text-xl font-semibold">
          {t('agreementsTitle')}
        </h2>
        {profile.consents.length === 0 ? (
          <p>{t('noAgreements')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {profile.consents.map((consent) => (
              <li key={`${consent.kind}-${consent.version}`}>
                <Link href={`/${consent.kind === 'privacy_notice' ? 'privacy' : 'terms'}?version=${consent.version}`}>
                  {tLegal(`title.${consent.kind}`)} · {tLegal('versionShort', { version: consent.version })}
                </Link>{' '}
                {t('agreedOn', { date: format.dateTime(consent.acceptedAt, { dateStyle: 'long', timeStyle: 'short' }) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="data-heading" className={section}>
        <h2 id="data-heading" className="text-xl font-semibold">
          {t('dataTitle')}
        </h2>
        <p>{t('dataLead')}</p>
        <p>
          <a href="/account/export" className="button" download>
            {t('downloadData')}
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-heading" className={section}>
        <h2 id="delete-heading" className="text-xl font-semibold">
          {t('deleteTitle')}
        </h2>
        <p>{t('deleteLead')}</p>
        <p>
          <Link href="/account/delete">{t('deleteLink')}</Link>
        </p>
      </section>
    </div>
  );
}
