import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect } from '@/app/_components/select-filter';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { CASE_STATUS_FILTERS, countOverdueCases, listCaseChannels, listCases, type CaseFilters, type CaseListItem } from '@/lib/grievances/case-queries';
import { GRIEVANCE_STATUSES, RECEIPT_CHANNELS } from '@/lib/grievances/vocabulary';
import { CaseClockText } from './case-clock';

type SearchParams = Record<'status' | 'channel' | 'via' | 'mine' | 'overdue', string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((candidate) => candidate === value);

/** The filters as the GET form sends them; anything unknown is ignored. */
function filtersFrom(params: SearchParams): CaseFilters {
  return {
    status: oneOf(CASE_STATUS_FILTERS, single(params.status)) ?? 'open',
    channelId: single(params.channel) || undefined,
    receivedVia: oneOf(RECEIPT_CHANNELS, single(params.via)),
    assignedToMe: single(params.mine) === '1',
    overdueOnly: single(params.overdue) === '1',
  };
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievanceCases'))('queue.title') };
}

export default async function CaseQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('grievance.handle');
  const db = await getDb();
  const filters = filtersFrom(await searchParams);
  const now = new Date();
  const [cases, overdueCount, channels] = await Promise.all([
    listCases(db, { actor, filters, now }),
    countOverdueCases(db, { actor, now }),
    listCaseChannels(db, { actor }),
  ]);
  const t = await getTranslations('grievanceCases');
  const tg = await getTranslations('grievances');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{filters.overdueOnly ? t('queue.overdueTitle') : t('queue.title')}</h1>
        <Link href="/grievances/cases/record" className="button">
          {t('queue.recordLink')}
        </Link>
      </div>
      <p className="max-w-3xl">{t('queue.intro')}</p>

      {overdueCount > 0 && !filters.overdueOnly && (
        <p role="note" className="rounded-md border-2 border-red-800 bg-red-50 px-3 py-2 text-red-900">
          <strong>{t('queue.overdueSummary', { count: overdueCount })}</strong>{' '}
          <Link href="/grievances/cases?overdue=1" className="font-semibold text-red-900">
            {t('queue.showOverdue')}
          </Link>
        </p>
      )}

      <form method="get" action="/grievances/cases" className="card flex flex-wrap items-end gap-4" aria-label={t('filter.label')}>
        <FilterSelect
          id="filter-status"
          name="status"
          label={t('filter.status')}
          defaultValue={filters.status ?? 'open'}
          options={[
            { value: 'open', label: t('filter.statusOpen') },
            { value: 'all', label: t('filter.statusAll') },
            ...GRIEVANCE_STATUSES.map((status) => ({ value: status, label: tg(`status.${status}`) })),
          ]}
        />
        <FilterSelect
          id="filter-channel"
          name="channel"
          label={t('filter.channel')}
          defaultValue={filters.channelId ?? ''}
          options={[{ value: '', label: t('filter.anyChannel') }, ...channels.map((channel) => ({ value: channel.id, label: channel.name }))]}
        />
        <FilterSelect
          id="filter-via"
          name="via"
          label={t('filter.receivedVia')}
          defaultValue={filters.receivedVia ?? ''}
          options={[{ value: '', label: t('filter.anyWay') }, ...RECEIPT_CHANNELS.map((via) => ({ value: via, label: tg(`receivedVia.${via}`) }))]}
        />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="mine" value="1" defaultChecked={filters.assignedToMe} className="h-4 w-4" />
          {t('filter.mine')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdueOnly} className="h-4 w-4" />
          {t('filter.overdue')}
        </label>
        <button type="submit" className="button-secondary">
          {t('filter.apply')}
        </button>
        <Link href="/grievances/cases">{t('filter.reset')}</Link>
      </form>

      <p role="status">{cases.total > cases.items.length ? t('queue.countTruncated', { shown: cases.items.length, total: cases.total }) : t('queue.count', { count: cases.total })}</p>
      {cases.items.length > 0 && <CaseTable cases={cases.items} />}
    </div>
  );
}

async function CaseTable({ cases }: { cases: CaseListItem[] }) {
  const t = await getTranslations('grievanceCases');
  const tg = await getTranslations('grievances');
  const format = await getFormatter();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('queue.caption')}</caption>
        <thead>
          <tr className="border-b-2 border-stone-300">
            <th scope="col" className="p-2">
              {t('column.reference')}
            </th>
            <th scope="col" className="p-2">
              {t('column.channel')}
            </th>
            <th scope="col" className="p-2">
              {t('column.category')}
            </th>
            <th scope="col" className="p-2">
              {t('column.status')}
            </th>
            <th scope="col" className="p-2">
              {t('column.received')}
            </th>
            <th scope="col" className="p-2">
              {t('column.assignedTo')}
            </th>
            <th scope="col" className="p-2">
              {t('column.deadline')}
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr
              key={item.id}
              className={`border-b border-stone-200 align-top ${item.clock?.isOverdue ? 'border-l-4 border-l-red-800 bg-red-50' : ''}`}
              data-testid="case-row"
              data-overdue={item.clock?.isOverdue ? 'true' : undefined}
            >
              <th scope="row" className="p-2 font-mono font-semibold whitespace-nowrap">
                <Link href={`/grievances/cases/${item.id}`}>{item.reference}</Link>
              </th>
              <td className="p-2">{item.channel.name}</td>
              <td className="p-2">{tg(`category.${item.category}`)}</td>
              <td className="p-2">{tg(`status.${item.status}`)}</td>
              <td className="p-2">
                {format.dateTime(item.receivedAt, { dateStyle: 'medium' })}
                <br />
                <span className="text-stone-600">{tg(`receivedVia.${item.receivedVia}`)}</span>
              </td>
              <td className="p-2">{item.assignedOfficer ? (item.isAssignedToMe ? t('you') : item.assignedOfficer.name) : t('unassigned')}</td>
              <td className="p-2">
                <CaseClockText clock={item.clock} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
