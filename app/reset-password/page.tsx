import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isPasswordResetLinkUsable } from '@/lib/accounts/password-reset';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resetPassword'))('title') };
}

/** The page a reset link opens. The token stays in the form, never in a log line or a referrer. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('resetPassword');
  const { token } = await searchParams;
  const usable = typeof token === 'string' && (await isPasswordResetLinkUsable(await getDb(), token));
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {usable ? (
        <ResetPasswordForm token={token} minPasswordLength={MIN_PASSWORD_LENGTH} />
      ) : (
        <div role="alert" className="card space-y-3">
          <p>{t('linkExpired')}</p>
          <Link href="/forgot-password" className="button">
            {t('askAgain')}
          </Link>
        </div>
      )}
    </div>
  );
}
