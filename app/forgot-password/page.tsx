import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { canSendAccountEmails } from '@/lib/accounts/account-emails';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgotPassword'))('title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {canSendAccountEmails() ? (
        <>
          <p>{t('lead')}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p role="note" className="card">
          {t('mailUnavailable')}
        </p>
      )}
      <p>
        <Link href="/signin">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}
