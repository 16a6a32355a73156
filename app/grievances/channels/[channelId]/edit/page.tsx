import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { findChannel } from '@/lib/grievances/channels';
import { updateChannelAction } from '../../actions';
import { ChannelForm } from '../../channel-form';

type Props = { params: Promise<{ channelId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievanceChannels'))('editTitle') };
}

export default async function EditChannelPage({ params }: Props) {
  const actor = await requirePermission('grievance.manageChannels');
  const channel = await findChannel(await getDb(), { actor, channelId: (await params).channelId });
  if (!channel) notFound();
  const t = await getTranslations('grievanceChannels');

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href={`/grievances/channels/${channel.id}`}>← {t('backToProcedure')}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('editTitleOf', { name: channel.name })}</h1>
      <p>{channel.initiative ? t('forInitiative', { title: channel.initiative.title }) : t('cityWideLead')}</p>
      <ChannelForm
        action={updateChannelAction}
        owner={{ kind: 'fixed', channelId: channel.id }}
        values={{
          name: channel.name,
          offlineInstructions: channel.offlineInstructions,
          acknowledgeDays: String(channel.acknowledgeDays),
          resolveDays: String(channel.resolveDays),
          appealDays: String(channel.appealDays),
          appealDecisionDays: String(channel.appealDecisionDays),
        }}
      />
    </div>
  );
}
