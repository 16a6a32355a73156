// The way into a case without an account, shown on the follow page and, identically,
// on a case page this browser may not open: whether the reference exists stays unsaid.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FollowForm } from './follow-form';

export async function FollowPanel({ intro, reference, accessKey }: { intro: string; reference?: string; accessKey?: string }) {
  const t = await getTranslations('grievances.follow');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="max-w-2xl">{intro}</p>
      <FollowForm reference={reference} accessKey={accessKey} />
      <ul className="max-w-2xl space-y-2">
        <li>{t.rich('mine', { link: (chunks) => <Link href="/grievances/mine">{chunks}</Link> })}</li>
        <li>{t.rich('lostKey', { link: (chunks) => <Link href="/grievances">{chunks}</Link> })}</li>
        <li>
          <Link href="/grievances">{t('fileNew')}</Link>
        </li>
      </ul>
    </div>
  );
}
