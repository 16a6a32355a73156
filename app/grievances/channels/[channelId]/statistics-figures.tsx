// The figures of grievance statistics as people read them: shares as percentages with
// what they were counted from, durations in days, in the visitor's number format.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { GrievanceFigures, OnTimeShare } from '@/lib/grievances/statistics';

export async function figureFormatters() {
  const t = await getTranslations('grievanceChannels.statistics');
  const format = await getFormatter();
  return {
    count: (value: number) => format.number(value),
    share: ({ onTime, counted, share }: OnTimeShare) =>
      share === null
        ? t('notCounted')
        : t('share', { share: format.number(share, { style: 'percent', maximumFractionDigits: 1 }), onTime: format.number(onTime), counted: format.number(counted) }),
    days: (value: number | null) => (value === null ? t('noneClosed') : t('days', { days: format.number(value, { maximumFractionDigits: 1 }) })),
  };
}

/** The four key figures of a channel, as a description list. */
export async function StatisticsSummary({ figures }: { figures: GrievanceFigures }) {
  const t = await getTranslations('grievanceChannels.statistics');
  const show = await figureFormatters();
  const rows = [
    { term: t('received'), value: show.count(figures.received) },
    { term: t('acknowledgedOnTime'), value: show.share(figures.acknowledgedOnTime) },
    { term: t('resolvedOnTime'), value: show.share(figures.resolvedOnTime) },
    { term: t('averageDaysToClose'), value: show.days(figures.averageDaysToClose) },
  ];
  return (
    <dl aria-label={t('summaryLabel')} className="grid gap-3 sm:grid-cols-4">
      {rows.map((row) => (
        <div key={row.term} className="card space-y-1">
          <dt className="text-sm font-medium text-stone-600">{row.term}</dt>
          <dd className="text-lg font-semibold">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
