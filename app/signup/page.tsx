import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { currentLegalDocuments } from '@/lib/accounts/legal-documents';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { SignUpForm } from './signup-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signUp'))('title') };
}

export default async function SignUpPage() {
  const t = await getTranslations('signUp');
  const legal = await currentLegalDocuments(await getDb());
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{t('lead')}</p>
      <section aria-labelledby="what-is-public" className="card space-y-2">
        <h2 id="what-is-public" className="text-lg font-semibold">
          {t('publicTitle')}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t('publicShown')}</li>
          <li>{t('publicNotShown')}</li>
          <li>{t.rich('publicMore', { link: (chunks) => <Link href="/privacy">{chunks}</Link> })}</li>
        </ul>
      </section>
      <SignUpForm
        minPasswordLength={MIN_PASSWORD_LENGTH}
        versions={{ privacyNotice: legal.privacy_notice?.version ?? 0, terms: legal.terms?.version ?? 0 }}
      />
      <p>
        {t('haveAccount')} <Link href="/signin">{t('signInLink')}</Link>
      </p>
    </div>
  );
}
