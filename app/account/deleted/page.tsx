import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accountDeletion'))('doneTitle') };
}

export default async function AccountDeletedPage() {
  const t = await getTranslations('accountDeletion');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t('doneTitle')}</h1>
      <p role="status">{t('done')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
