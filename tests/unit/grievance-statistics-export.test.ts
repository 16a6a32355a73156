// The statistics downloads, byte for byte: what a spreadsheet or a program receives.
import { describe, expect, it } from 'vitest';
import { computeStatistics } from '@/lib/grievances/statistics';
import { exportStatistics, statisticsFileName, statisticsToCsv, statisticsToJson, type StatisticsExportContext } from '@/lib/grievances/statistics-export';

const days = { acknowledgeDays: 2, resolveDays: 10, appealDays: 15, appealDecisionDays: 20 };
const at = (iso: string) => new Date(iso);

/** Three cases in two months: one answered and closed on time, one late and closed, one never answered. */
const statistics = computeStatistics(
  [
    { category: 'nuisance_environment', receivedAt: at('2026-02-01T09:00:00Z'), acknowledgedAt: at('2026-02-02T09:00:00Z'), respondedAt: at('2026-02-05T09:00:00Z'), closedAt: at('2026-02-08T21:00:00Z') },
    { category: 'nuisance_environment', receivedAt: at('2026-02-10T09:00:00Z'), acknowledgedAt: at('2026-02-13T09:00:00Z'), respondedAt: at('2026-02-25T09:00:00Z'), closedAt: at('2026-03-02T09:00:00Z') },
    { category: 'works_contractors', receivedAt: at('2026-03-01T09:00:00Z'), acknowledgedAt: null, respondedAt: null, closedAt: null },
  ],
  days,
  at('2026-04-01T00:00:00Z'),
  'UTC',
);

const context: StatisticsExportContext = {
  channel: { id: '6f1c2a8e-1111-4222-8333-944455556666', name: 'Plaza Mayor redesign: grievances', initiative: { slug: 'plaza-mayor-redesign', title: 'Plaza Mayor redesign' }, ...days },
  statistics,
  generatedAt: at('2026-03-31T23:30:00Z'),
  timeZone: 'Europe/Madrid',
};

describe('statistics as CSV', () => {
  it('has a header, the channel, then one row per category and per month, with CRLF line ends', () => {
    expect(statisticsToCsv(context)).toBe(
      [
        'group,key,received,acknowledged_on_time,acknowledgement_counted,acknowledged_on_time_share,resolved_on_time,resolution_counted,resolved_on_time_share,closed,average_days_to_close',
        'total,,3,1,3,0.3333,1,3,0.3333,2,13.75',
        'category,nuisance_environment,2,1,2,0.5,1,2,0.5,2,13.75',
        'category,works_contractors,1,0,1,0,0,1,0,0,',
        'month,2026-02,2,1,2,0.5,1,2,0.5,2,13.75',
        'month,2026-03,1,0,1,0,0,1,0,0,',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves a share empty while nothing is counted, rather than writing 0', () => {
    const fresh = computeStatistics([{ category: 'other', receivedAt: at('2026-03-31T20:00:00Z'), acknowledgedAt: null, respondedAt: null, closedAt: null }], days, at('2026-04-01T00:00:00Z'), 'UTC');
    expect(statisticsToCsv({ statistics: fresh }).split('\r\n')[1]).toBe('total,,1,0,0,,0,0,,0,');
  });
});

describe('statistics as JSON', () => {
  it('holds the figures with the channel, its deadlines, the time zone and when they were counted, and nothing else', () => {
    const document = JSON.parse(statisticsToJson(context));
    expect(Object.keys(document)).toEqual(['channel', 'deadlineDays', 'generatedAt', 'timeZone', 'total', 'byCategory', 'byMonth']);
    expect(document.channel).toEqual({ id: context.channel.id, name: 'Plaza Mayor redesign: grievances', initiative: { slug: 'plaza-mayor-redesign', title: 'Plaza Mayor redesign' } });
    expect(document.deadlineDays).toEqual({ acknowledge: 2, resolve: 10, appeal: 15, appealDecision: 20 });
    expect(document.generatedAt).toBe('2026-03-31T23:30:00.000Z');
    expect(document.timeZone).toBe('Europe/Madrid');
    expect(document.total).toEqual({
      received: 3,
      acknowledgedOnTime: { onTime: 1, counted: 3, share: 0.3333 },
      resolvedOnTime: { onTime: 1, counted: 3, share: 0.3333 },
      closed: 2,
      averageDaysToClose: 13.75,
    });
    expect(document.byCategory.map((row: { category: string; received: number }) => [row.category, row.received])).toEqual([
      ['nuisance_environment', 2],
      ['works_contractors', 1],
    ]);
    expect(document.byMonth[1]).toEqual({
      month: '2026-03',
      received: 1,
      acknowledgedOnTime: { onTime: 0, counted: 1, share: 0 },
      resolvedOnTime: { onTime: 0, counted: 1, share: 0 },
      closed: 0,
      averageDaysToClose: null,
    });
  });
});

describe('the downloaded file', () => {
  it('is named after the initiative (or the city) and dated in the city’s time zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Madrid.
    expect(statisticsFileName(context, 'csv')).toBe('grievance-statistics-plaza-mayor-redesign-2026-04-01.csv');
    expect(statisticsFileName({ ...context, channel: { ...context.channel, initiative: null }, timeZone: 'UTC' }, 'json')).toBe('grievance-statistics-city-wide-2026-03-31.json');
  });

  it('says what it is', () => {
    expect(exportStatistics(context, 'csv')).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: expect.stringMatching(/\.csv$/) });
    expect(exportStatistics(context, 'json')).toMatchObject({ contentType: 'application/json; charset=utf-8', fileName: expect.stringMatching(/\.json$/) });
    expect(exportStatistics(context, 'json').body).toBe(statisticsToJson(context));
  });
});
