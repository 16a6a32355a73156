import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signedOut'))('everywhereTitle') };
}

/** Where "Sign out everywhere" lands: the confirmation that every session has ended. */
export default async function SignedOutPage() {
  const t = await getTranslations('signedOut');
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">{t('everywhereTitle')}</h1>
      <p role="status">{t('everywhere')}</p>
      <p>
        <Link href="/signin" className="button">
          {t('signInAgain')}
        </Link>
      </p>
    </div>
  );
}
