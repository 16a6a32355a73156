import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { GrievanceChannel } from '@/lib/grievances/channels';

/** Whether the initiative has the grievance channel a consultation needs before it opens. */
export async function GrievanceReadiness({ channel, initiativeSlug, canSetUp }: { channel: GrievanceChannel | null; initiativeSlug: string; canSetUp: boolean }) {
  const t = await getTranslations('grievanceChannels.consultationReadiness');
  if (channel) {
    return (
      <p>{t.rich('ready', { name: channel.name, link: (chunks) => <Link href={`/grievances/channels/${channel.id}`}>{chunks}</Link> })}</p>
    );
  }
  return (
    <p>
      {t('missing')}{' '}
      {canSetUp && <Link href={`/grievances/channels/new?initiative=${initiativeSlug}`}>{t('setUp')}</Link>}
    </p>
  );
}
