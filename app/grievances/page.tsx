import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { listChannels } from '@/lib/grievances/channels';
import { MechanismPrinciples } from './mechanism-principles';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievanceChannels'))('title') };
}

/** The grievance mechanism's home: what it is for, where to file, and how to follow a case. */
export default async function GrievancesPage() {
  const actor = await getActor();
  const t = await getTranslations('grievanceChannels');
  const channels = await listChannels(await getDb(), { actor });
  const canManageChannels = can(actor, 'grievance.manageChannels');

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="max-w-3xl text-lg">{t('lead')}</p>
        <nav aria-label={t('procedure.actionsLabel')} className="flex flex-wrap items-center gap-4">
          <Link href="/grievances/follow">{t('followCase')}</Link>
          {isSignedIn(actor) && <Link href="/grievances/mine">{t('myGrievances')}</Link>}
          {can(actor, 'grievance.handle') && <Link href="/grievances/cases">{t('handleCases')}</Link>}
          {canManageChannels && (
            <Link href="/grievances/channels/new" className="button-secondary">
              {t('newChannel')}
            </Link>
          )}
        </nav>
      </header>

      <MechanismPrinciples headingId="principles-heading" />

      <section aria-labelledby="channels-heading" className="space-y-3">
        <h2 id="channels-heading" className="text-2xl font-semibold">
          {t('channelsHeading')}
        </h2>
        {channels.length === 0 ? (
          <p>{t('noChannels')}</p>
        ) : (
          <ul className="space-y-3">
            {channels.map((channel) => {
              const base = `/grievances/channels/${channel.id}`;
              return (
                <li key={channel.id} className="card space-y-2">
                  <h3 className="text-lg font-semibold">
                    <Link href={base}>{channel.name}</Link>
                  </h3>
                  <p>
                    {channel.initiative
                      ? t.rich('forInitiativeLink', { title: channel.initiative.title, link: (chunks) => <Link href={`/initiatives/${channel.initiative!.slug}`}>{chunks}</Link> })
                      : t('cityWideLead')}
                  </p>
                  <p className="text-sm text-stone-600">{t('deadlineSummary', { acknowledge: channel.acknowledgeDays, resolve: channel.resolveDays })}</p>
                  <p className="flex flex-wrap gap-4">
                    <Link href={`${base}/file`} aria-label={t('fileLinkNamed', { name: channel.name })}>
                      {t('fileLink')}
                    </Link>
                    <Link href={base} aria-label={t('procedureLinkNamed', { name: channel.name })}>
                      {t('procedureLink')}
                    </Link>
                    <Link href={`${base}/statistics`} aria-label={t('statisticsLinkNamed', { name: channel.name })}>
                      {t('statisticsLink')}
                    </Link>
                    {canManageChannels && (
                      <Link href={`${base}/edit`} aria-label={t('editLinkNamed', { name: channel.name })}>
                        {t('editLink')}
                      </Link>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
