// Opening a case with its reference and access key. The receipt's private link fills
// both in (?reference=…&key=…). Pages under this path send only the site's origin as
// Referer (next.config.js), so the key in the address is passed on to nothing.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FollowPanel } from './follow-panel';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievances'))('follow.title'), robots: { index: false, follow: false } };
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value.slice(0, 100) : '');

export default async function FollowGrievancePage({ searchParams }: Props) {
  const params = await searchParams;
  const t = await getTranslations('grievances');
  return (
    <div className="space-y-4">
      {params.forgotten === '1' && (
        <p role="status" className="max-w-2xl rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {t('case.forgotten')}
        </p>
      )}
      <FollowPanel intro={t('follow.intro')} reference={single(params.reference)} accessKey={single(params.key)} />
    </div>
  );
}
