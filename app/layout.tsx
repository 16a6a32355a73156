import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { nonceFromPolicy, ZOD_JITLESS_SCRIPT } from '@/lib/http/security-headers';
import { getActor } from '@/lib/auth/session';
import { PendingAccountSteps } from './_components/pending-account-steps';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('layout');
  // server/index.ts put this request's policy on the request (lib/http/security-headers.ts).
  const nonce = nonceFromPolicy((await headers()).get('content-security-policy'));
  return (
    <html lang={locale}>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col print:block print:min-h-0 print:bg-white">
        <NextIntlClientProvider>
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
          >
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <PendingAccountSteps actor={await getActor()} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none print:max-w-none print:p-0">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
