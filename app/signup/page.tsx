import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';
import { SignUpForm } from './signup-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signUp'))('title') };
}

export default async function SignUpPage() {
  const t = await getTranslations('signUp');
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{t('lead')}</p>
      <SignUpForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      <p>
        {t('haveAccount')} <Link href="/signin">{t('signInLink')}</Link>
      </p>
    </div>
  );
}
