import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConfirmEmailForm } from './confirm-email-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('verifyEmail'))('title') };
}

/** The page a confirmation link opens: one button, which works without JavaScript. */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('verifyEmail');
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {typeof token === 'string' && token.length <= 200 ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <p role="alert" className="card">
          {t('invalid')}
        </p>
      )}
    </div>
  );
}
