import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { findChannel } from '@/lib/grievances/channels';
import type { GrievanceFigures } from '@/lib/grievances/statistics';
import { channelStatistics } from '@/lib/grievances/statistics-queries';
import { PageSection } from '../page-section';
import { figureFormatters, StatisticsSummary } from '../statistics-figures';

type Props = { params: Promise<{ channelId: string }> };

async function loadChannel(channelId: string) {
  return findChannel(await getDb(), { actor: await getActor(), channelId });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await loadChannel((await params).channelId);
  return channel ? { title: (await getTranslations('grievanceChannels.statistics'))('title', { name: channel.name }) } : {};
}

/** One table of figures per grouping (category, month), with a caption and row headers. */
async function FiguresTable({ caption, groupLabel, rows }: { caption: string; groupLabel: string; rows: Array<{ key: string; label: ReactNode; figures: GrievanceFigures }> }) {
  const t = await getTranslations('grievanceChannels.statistics');
  const show = await figureFormatters();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-4">
              {groupLabel}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('received')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('acknowledgedOnTime')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('resolvedOnTime')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('closed')}
            </th>
            <th scope="col" className="py-2 text-right">
              {t('averageDaysToClose')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, figures }) => (
            <tr key={key} className="border-b border-stone-200">
              <th scope="row" className="py-2 pr-4 font-medium">
                {label}
              </th>
              <td className="py-2 pr-4 text-right">{show.count(figures.received)}</td>
              <td className="py-2 pr-4 text-right">{show.share(figures.acknowledgedOnTime)}</td>
              <td className="py-2 pr-4 text-right">{show.share(figures.resolvedOnTime)}</td>
              <td className="py-2 pr-4 text-right">{show.count(figures.closed)}</td>
              <td className="py-2 text-right">{show.days(figures.averageDaysToClose)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** YYYY-MM as the visitor reads a month; the middle of the month is in it in every time zone. */
function monthDate(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, monthNumber! - 1, 15, 12));
}

export default async function ChannelStatisticsPage({ params }: Props) {
  const channel = await loadChannel((await params).channelId);
  if (!channel) notFound();
  const t = await getTranslations('grievanceChannels');
  const ts = await getTranslations('grievanceChannels.statistics');
  const tg = await getTranslations('grievances');
  const format = await getFormatter();
  const timeZone = env().TIME_ZONE;
  const statistics = await channelStatistics(await getDb(), { channel, timeZone });
  const base = `/grievances/channels/${channel.id}`;

  return (
    <article className="space-y-8">
      <p>
        <Link href={base}>← {t('backToProcedure')}</Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{ts('title', { name: channel.name })}</h1>
        <p className="max-w-3xl">{ts('lead')}</p>
      </header>

      {statistics.received === 0 ? (
        <p role="status" className="card">
          {ts('none')}
        </p>
      ) : (
        <>
          <PageSection id="overall-heading" heading={ts('overallCaption')}>
            <StatisticsSummary figures={statistics} />
          </PageSection>
          <FiguresTable
            caption={ts('byCategoryCaption')}
            groupLabel={ts('category')}
            rows={statistics.byCategory.map(({ category, ...figures }) => ({ key: category, label: tg(`category.${category}`), figures }))}
          />
          <FiguresTable
            caption={ts('byMonthCaption', { timeZone })}
            groupLabel={ts('month')}
            rows={statistics.byMonth.map(({ month, ...figures }) => ({
              key: month,
              label: format.dateTime(monthDate(month), { year: 'numeric', month: 'long', timeZone: 'UTC' }),
              figures,
            }))}
          />
        </>
      )}

      <PageSection id="definitions-heading" heading={ts('definitionsHeading')}>
        <dl className="max-w-3xl space-y-2">
          <dt className="font-semibold">{ts('acknowledgedOnTime')}</dt>
          <dd>{ts('definitions.acknowledgedOnTime', { days: channel.acknowledgeDays })}</dd>
          <dt className="font-semibold">{ts('resolvedOnTime')}</dt>
          <dd>{ts('definitions.resolvedOnTime', { days: channel.resolveDays })}</dd>
          <dt className="font-semibold">{ts('averageDaysToClose')}</dt>
          <dd>{ts('definitions.averageDaysToClose')}</dd>
        </dl>
        <p className="max-w-3xl">{ts('definitions.running')}</p>
      </PageSection>

      <PageSection id="downloads-heading" heading={ts('downloadsHeading')}>
        <p className="max-w-3xl">{ts('downloadsLead')}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href={`${base}/statistics.csv`} download>
              {ts('downloadCsv')}
            </a>
          </li>
          <li>
            <a href={`${base}/statistics.json`} download>
              {ts('downloadJson')}
            </a>
          </li>
        </ul>
      </PageSection>
    </article>
  );
}
