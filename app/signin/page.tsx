import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { problemFromCode } from '@/lib/auth/sign-in-problem';
import { IDENTITY_PROVIDER_ID } from '@/lib/auth/options';
import { env } from '@/lib/env';
import { IdentityProviderButton } from './identity-provider-button';
import { SignInForm } from './signin-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations('signIn');
  const error = typeof params.error === 'string' ? params.error : null;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  const environment = env();
  const identityProvider = environment.OIDC_ISSUER ? environment.OIDC_DISPLAY_NAME : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <SignInForm callbackPath={callbackPath} initialProblem={problemFromCode(error)} />
      {identityProvider && (
        <section aria-labelledby="staff-sign-in" className="card space-y-3">
          <h2 id="staff-sign-in" className="text-lg font-semibold">
            {t('orStaff')}
          </h2>
          <IdentityProviderButton
            providerId={IDENTITY_PROVIDER_ID}
            label={t('withProvider', { provider: identityProvider })}
            pendingLabel={t('submitting')}
            callbackPath={callbackPath}
          />
        </section>
      )}
      <p>
        <Link href="/forgot-password">{t('forgotPassword')}</Link>
      </p>
      <p>
        {t('noAccount')} <Link href="/signup">{t('signUpLink')}</Link>
      </p>
    </div>
  );
}
