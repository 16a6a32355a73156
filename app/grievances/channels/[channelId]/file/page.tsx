import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { findChannel } from '@/lib/grievances/channels';
import { todayIn } from '@/lib/grievances/filing-schemas';
import { FilingForm } from './filing-form';

type Props = { params: Promise<{ channelId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievances'))('filing.title') };
}

export default async function FileGrievancePage({ params }: Props) {
  const actor = await getActor();
  const channel = await findChannel(await getDb(), { actor, channelId: (await params).channelId });
  if (!channel) notFound();
  const t = await getTranslations('grievances');
  const procedurePath = `/grievances/channels/${channel.id}`;

  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('filing.title')}</h1>
        <p className="text-lg">{t('filing.channel', { name: channel.name })}</p>
        {channel.initiative && (
          <p>{t.rich('filing.initiative', { title: channel.initiative.title, link: (chunks) => <Link href={`/initiatives/${channel.initiative!.slug}`}>{chunks}</Link> })}</p>
        )}
      </header>

      <section className="space-y-2" aria-label={t('filing.procedureLink')}>
        <p>{t('filing.intro')}</p>
        <p>{t('filing.deadlines', { acknowledgeDays: channel.acknowledgeDays, resolveDays: channel.resolveDays, appealDays: channel.appealDays })}</p>
        <p>
          <Link href={procedurePath}>{t('filing.procedureLink')}</Link>
        </p>
        <p>
          {isSignedIn(actor) ? t.rich('filing.signedIn', { link: (chunks) => <Link href="/grievances/mine">{chunks}</Link> }) : t('filing.anonymous')}
        </p>
      </section>

      <FilingForm channelId={channel.id} submissionKey={randomUUID()} today={todayIn(env().TIME_ZONE)} isSignedIn={isSignedIn(actor)} />
    </div>
  );
}
