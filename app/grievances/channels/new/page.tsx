import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { freeChannelOwners } from '@/lib/grievances/channels';
import { createChannelAction } from '../actions';
import { ChannelForm } from '../channel-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievanceChannels'))('newTitle') };
}

/** ?initiative=<slug> chooses the initiative in advance (links from an initiative or a consultation). */
export default async function NewChannelPage({ searchParams }: { searchParams: Promise<{ initiative?: string | string[] }> }) {
  const actor = await requirePermission('grievance.manageChannels');
  const t = await getTranslations('grievanceChannels');
  const { isCityWideFree, initiatives } = await freeChannelOwners(await getDb(), { actor });
  const wanted = (await searchParams).initiative;
  const options = [
    ...(isCityWideFree ? [{ value: '', label: t('form.cityWide') }] : []),
    ...initiatives.map((initiative) => ({ value: initiative.id, label: initiative.title })),
  ];
  const selected = initiatives.find((initiative) => initiative.slug === wanted)?.id;

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href="/grievances">← {t('backToMechanism')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('newTitle')}</h1>
      <p>{t('newLead')}</p>
      {options.length === 0 ? (
        <p role="status" className="card">
          {t('allHaveChannels')}
        </p>
      ) : (
        <ChannelForm action={createChannelAction} owner={{ kind: 'choose', options, selected }} />
      )}
    </div>
  );
}
