// The consultation page's account of what became of the input, once input has stopped:
// how much of it was answered, the published decisions, and the way to the full report.
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { coverageMessageValues, type Coverage } from '@/lib/decisions/figures';
import type { DecisionView } from '@/lib/decisions/queries';
import { formatCalendarDay } from '@/app/_components/calendar-day';

export async function DecisionsSummary({ consultationId, coverage, decisions }: { consultationId: string; coverage: Coverage; decisions: readonly DecisionView[] }) {
  const t = await getTranslations('report.onConsultation');
  const td = await getTranslations('decisions');
  const format = await getFormatter();
  const base = `/consultations/${consultationId}`;
  return (
    <section aria-labelledby="decisions-heading" className="card space-y-3">
      <h2 id="decisions-heading" className="text-2xl font-semibold">
        {t('heading')}
      </h2>
      <p>{coverage.share === null ? td('coverageNone') : td('coverage', coverageMessageValues(coverage))}</p>
      {decisions.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {decisions.map((decision) => (
            <li key={decision.id}>
              <Link href={`${base}/decisions/${decision.id}`} className="font-semibold">
                {decision.title}
              </Link>
              <span className="block text-sm text-stone-600">{td('decidedOn', { body: decision.decidingBody, date: formatCalendarDay(format, decision.decidedOn) })}</span>
            </li>
          ))}
        </ul>
      )}
      <ul className="flex flex-wrap gap-4">
        <li>
          <Link href={`${base}/report`}>{t('reportLink')}</Link>
        </li>
        <li>
          <Link href={`${base}/decisions`}>{t('decisionsLink')}</Link>
        </li>
      </ul>
    </section>
  );
}
