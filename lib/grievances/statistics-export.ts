// The public statistics of a channel as downloadable files: CSV (RFC 4180) and JSON.
// Pure, so the exact output is unit-tested (tests/unit/grievance-statistics-export.test.ts).
// Columns and values are codes and plain numbers, not translated labels, so the files
// read the same whatever the language of the person who downloaded them. They hold only
// what the statistics hold: counts, shares and durations, never a case.
import { csvField } from '@/lib/export/csv';
import type { GrievanceFigures, GrievanceStatistics } from './statistics';
import type { DeadlineDays } from './vocabulary';

export type StatisticsFormat = 'csv' | 'json';

export const STATISTICS_CONTENT_TYPES: Record<StatisticsFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface StatisticsExportContext {
  channel: { id: string; name: string; initiative: { slug: string; title: string } | null } & DeadlineDays;
  statistics: GrievanceStatistics;
  generatedAt: Date;
  /** The time zone the months are counted in. */
  timeZone: string;
}

const CSV_COLUMNS = [
  'group',
  'key',
  'received',
  'acknowledged_on_time',
  'acknowledgement_counted',
  'acknowledged_on_time_share',
  'resolved_on_time',
  'resolution_counted',
  'resolved_on_time_share',
  'closed',
  'average_days_to_close',
] as const;

/** Shares to four decimals (0.8333), durations to two: enough to recompute a percentage. */
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
const share = (value: number | null) => (value === null ? null : round(value, 4));
const days = (value: number | null) => (value === null ? null : round(value, 2));

function csvRow(group: string, key: string, figures: GrievanceFigures): string {
  return [
    group,
    key,
    figures.received,
    figures.acknowledgedOnTime.onTime,
    figures.acknowledgedOnTime.counted,
    share(figures.acknowledgedOnTime.share),
    figures.resolvedOnTime.onTime,
    figures.resolvedOnTime.counted,
    share(figures.resolvedOnTime.share),
    figures.closed,
    days(figures.averageDaysToClose),
  ]
    .map(csvField)
    .join(',');
}

/** One row for the channel as a whole, then one per category and one per month of receipt. */
export function statisticsToCsv({ statistics }: Pick<StatisticsExportContext, 'statistics'>): string {
  const rows = [
    CSV_COLUMNS.join(','),
    csvRow('total', '', statistics),
    ...statistics.byCategory.map(({ category, ...figures }) => csvRow('category', category, figures)),
    ...statistics.byMonth.map(({ month, ...figures }) => csvRow('month', month, figures)),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

function figuresJson(figures: GrievanceFigures) {
  return {
    received: figures.received,
    acknowledgedOnTime: { ...figures.acknowledgedOnTime, share: share(figures.acknowledgedOnTime.share) },
    resolvedOnTime: { ...figures.resolvedOnTime, share: share(figures.resolvedOnTime.share) },
    closed: figures.closed,
    averageDaysToClose: days(figures.averageDaysToClose),
  };
}

/** The figures with what they mean: the channel, its published deadlines and when they were counted. */
export function statisticsToJson({ channel, statistics, generatedAt, timeZone }: StatisticsExportContext): string {
  const document = {
    channel: {
      id: channel.id,
      name: channel.name,
      initiative: channel.initiative ? { slug: channel.initiative.slug, title: channel.initiative.title } : null,
    },
    deadlineDays: {
      acknowledge: channel.acknowledgeDays,
      resolve: channel.resolveDays,
      appeal: channel.appealDays,
      appealDecision: channel.appealDecisionDays,
    },
    generatedAt: generatedAt.toISOString(),
    timeZone,
    total: figuresJson(statistics),
    byCategory: statistics.byCategory.map(({ category, ...figures }) => ({ category, ...figuresJson(figures) })),
    byMonth: statistics.byMonth.map(({ month, ...figures }) => ({ month, ...figuresJson(figures) })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * e.g. grievance-statistics-plaza-mayor-redesign-2026-11-25.csv: named after the
 * initiative (there is one city-wide channel), dated in the city's time zone.
 */
export function statisticsFileName({ channel, generatedAt, timeZone }: Omit<StatisticsExportContext, 'statistics'>, format: StatisticsFormat): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(generatedAt);
  const name = channel.initiative?.slug ?? 'city-wide';
  return `grievance-statistics-${name}-${day}.${format}`;
}

export function exportStatistics(context: StatisticsExportContext, format: StatisticsFormat): { body: string; contentType: string; fileName: string } {
  return {
    body: format === 'csv' ? statisticsToCsv(context) : statisticsToJson(context),
    contentType: STATISTICS_CONTENT_TYPES[format],
    fileName: statisticsFileName(context, format),
  };
}
