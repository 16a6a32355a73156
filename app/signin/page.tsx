import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { problemFromCode } from '@/lib/auth/sign-in-problem';
import { SignInForm } from './signin-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations('signIn');
  const error = typeof params.error === 'string' ? params.error : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <SignInForm callbackPath={safeCallbackPath(params.callbackUrl)} initialProblem={problemFromCode(error)} />
      <p>
        <Link href="/forgot-password">{t('forgotPassword')}</Link>
      </p>
      <p>
        {t('noAccount')} <Link href="/signup">{t('signUpLink')}</Link>
      </p>
    </div>
  );
}
