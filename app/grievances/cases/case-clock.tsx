import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseClock } from '@/lib/grievances/deadlines';

/** "Overdue" as a word, not a colour alone (WCAG 1.4.1). */
export async function OverdueLabel() {
  const t = await getTranslations('grievanceCases');
  return (
    <strong className="mr-2 inline-block rounded border border-red-800 bg-red-100 px-1.5 text-xs font-bold tracking-wide text-red-900 uppercase" data-testid="overdue-label">
      <span aria-hidden="true">⚠ </span>
      {t('overdueLabel')}
    </strong>
  );
}

/** The deadline that runs now: what is due, when, and the days left or overdue. */
export async function CaseClockText({ clock }: { clock: CaseClock | null }) {
  const t = await getTranslations('grievances.clock');
  const format = await getFormatter();
  if (!clock) return <span>{t('none')}</span>;
  return (
    <span>
      {clock.isOverdue && <OverdueLabel />}
      {t(clock.kind, { date: format.dateTime(clock.dueAt, { dateStyle: 'medium' }) })}
      {' · '}
      <span className={clock.isOverdue ? 'font-semibold text-red-900' : undefined}>
        {clock.isOverdue ? t('overdue', { days: -clock.daysLeft }) : t('daysLeft', { days: clock.daysLeft })}
      </span>
    </span>
  );
}
