import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { loadProfile } from '@/lib/accounts/profile';
import { requirePermission } from '@/lib/auth/guards';
import { DeleteAccountForm } from './delete-account-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accountDeletion'))('title') };
}

export default async function DeleteAccountPage() {
  const actor = await requirePermission('account.manageOwn');
  const profile = await loadProfile(await getDb(), { actor });
  const t = await getTranslations('accountDeletion');
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <section aria-labelledby="what-happens" className="card space-y-2">
        <h2 id="what-happens" className="text-xl font-semibold">
          {t('whatHappens')}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t('erased')}</li>
          <li>{t('contributionsStay')}</li>
          <li>{t('grievances')}</li>
          <li>{t('signedOut')}</li>
          <li>{t('final')}</li>
        </ul>
        <p>{t.rich('downloadFirst', { link: (chunks) => <a href="/account/export">{chunks}</a> })}</p>
      </section>
      <DeleteAccountForm askPassword={profile.hasPassword} />
      <p>
        <Link href="/account">{t('keep')}</Link>
      </p>
    </div>
  );
}
