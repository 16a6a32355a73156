import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { findChannel } from '@/lib/grievances/channels';
import { channelStatistics } from '@/lib/grievances/statistics-queries';
import { env } from '@/lib/env';
import { MechanismPrinciples } from '../../mechanism-principles';
import { PageSection } from './page-section';
import { StatisticsSummary } from './statistics-figures';

type Props = { params: Promise<{ channelId: string }> };

async function loadChannel(channelId: string) {
  return findChannel(await getDb(), { actor: await getActor(), channelId });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await loadChannel((await params).channelId);
  return channel ? { title: channel.name } : {};
}

/** The published procedure: the steps in order, each with its deadline, as the city commits to them. */
export default async function ChannelProcedurePage({ params }: Props) {
  const actor = await getActor();
  const channel = await loadChannel((await params).channelId);
  if (!channel) notFound();
  const t = await getTranslations('grievanceChannels');
  const tp = await getTranslations('grievanceChannels.procedure');
  const statistics = await channelStatistics(await getDb(), { channel, timeZone: env().TIME_ZONE });
  const base = `/grievances/channels/${channel.id}`;
  const steps = [
    { key: 'received', days: undefined },
    { key: 'acknowledged', days: channel.acknowledgeDays },
    { key: 'reviewed', days: undefined },
    { key: 'answered', days: channel.resolveDays },
    { key: 'decision', days: channel.appealDays },
    { key: 'appeal', days: channel.appealDecisionDays },
    { key: 'closed', days: undefined },
  ] as const;

  return (
    <article className="space-y-8">
      <p>
        <Link href="/grievances">← {t('backToMechanism')}</Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{channel.name}</h1>
        <p className="max-w-3xl text-lg">
          {channel.initiative
            ? t.rich('forInitiativeLink', { title: channel.initiative.title, link: (chunks) => <Link href={`/initiatives/${channel.initiative!.slug}`}>{chunks}</Link> })
            : t('cityWideLead')}{' '}
          {t('lead')}
        </p>
        <nav aria-label={tp('actionsLabel')} className="flex flex-wrap items-center gap-4">
          <Link href={`${base}/file`} className="button">
            {t('fileLink')}
          </Link>
          <Link href="/grievances/follow">{t('followCase')}</Link>
          {can(actor, 'grievance.manageChannels') && <Link href={`${base}/edit`}>{t('editLink')}</Link>}
        </nav>
      </header>

      <MechanismPrinciples headingId="principles-heading" />

      <PageSection id="steps-heading" heading={tp('stepsHeading')}>
        <p className="max-w-3xl">{tp('stepsLead')}</p>
        <ol className="max-w-3xl list-decimal space-y-3 pl-6">
          {steps.map((step) => (
            <li key={step.key}>
              <h3 className="font-semibold">{tp(`step.${step.key}.title`, { days: step.days ?? 0 })}</h3>
              <p>{tp(`step.${step.key}.text`, { days: step.days ?? 0 })}</p>
            </li>
          ))}
        </ol>
      </PageSection>

      <PageSection id="offline-heading" heading={tp('offlineHeading')}>
        <div className="card max-w-3xl whitespace-pre-line">{channel.offlineInstructions}</div>
        <p className="max-w-3xl">{tp('offlineLead')}</p>
      </PageSection>

      <PageSection id="retaliation-heading" heading={tp('noRetaliationHeading')}>
        <p className="max-w-3xl">{tp('noRetaliation')}</p>
      </PageSection>

      <PageSection id="confidentiality-heading" heading={tp('confidentialityHeading')}>
        <p className="max-w-3xl">{tp('confidentiality')}</p>
        <p className="max-w-3xl">{tp('personalData')}</p>
      </PageSection>

      <PageSection id="statistics-heading" heading={tp('statisticsHeading')}>
        <StatisticsSummary figures={statistics} />
        <p>
          <Link href={`${base}/statistics`}>{tp('statisticsLink')}</Link>
        </p>
      </PageSection>
    </article>
  );
}
