// The report's figures as people read them: coverage as a sentence and a meter, the
// counts as tables with captions and row headers, shares as percentages of what they
// were counted from. Figures come from lib/decisions/figures.ts only.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { countByOutcome, countByParticipant, coverageMessageValues, DOMINANCE_GAP, dominantCategories, participationBalance, type Coverage } from '@/lib/decisions/figures';
import type { PublishedInputView } from '@/lib/decisions/queries';
import { RESPONSE_OUTCOMES } from '@/lib/decisions/vocabulary';

const cell = 'py-2 pr-4 text-right tabular-nums';

/** A figures table that scrolls sideways on narrow screens instead of squeezing its columns. */
function FiguresTable({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto break-inside-avoid">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            {head.map((label, index) => (
              <th key={index} scope="col" className={index === 0 ? 'py-2 pr-4' : 'py-2 pr-4 text-right'}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export async function CoverageFigure({ coverage }: { coverage: Coverage }) {
  const t = await getTranslations('decisions');
  const tr = await getTranslations('report.coverage');
  if (coverage.share === null) return <p>{t('coverageNone')}</p>;
  return (
    <div className="space-y-2">
      <p id="coverage-sentence" className="text-lg">
        {t('coverage', coverageMessageValues(coverage))}
      </p>
      <meter min={0} max={1} value={coverage.share} aria-label={tr('meterLabel')} aria-describedby="coverage-sentence" className="block h-5 w-full max-w-md" />
    </div>
  );
}

export async function OutcomeTable({ inputs }: { inputs: readonly PublishedInputView[] }) {
  const t = await getTranslations('report.outcomes');
  const td = await getTranslations('decisions');
  const format = await getFormatter();
  const counts = countByOutcome(inputs);
  const percent = (value: number) => format.number(value / inputs.length, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <FiguresTable caption={t('caption')} head={[t('outcome'), t('inputs'), t('share')]}>
      {[...RESPONSE_OUTCOMES, 'unanswered' as const].map((outcome) => (
        <tr key={outcome} className="border-b border-stone-200">
          <th scope="row" className="py-2 pr-4 font-medium">
            {td(`outcome.${outcome}`)}
          </th>
          <td className={cell}>{format.number(counts[outcome])}</td>
          <td className={cell}>{percent(counts[outcome])}</td>
        </tr>
      ))}
    </FiguresTable>
  );
}

export async function ParticipantTable({ inputs }: { inputs: readonly PublishedInputView[] }) {
  const t = await getTranslations('report.participants');
  const td = await getTranslations('decisions');
  const ts = await getTranslations('stakeholders');
  const format = await getFormatter();
  const counts = countByParticipant(inputs);
  const row = (key: string, label: string, value: number, isPart = false) => (
    <tr key={key} className="border-b border-stone-200">
      <th scope="row" className={isPart ? 'py-2 pr-4 pl-6 font-normal' : 'py-2 pr-4 font-medium'}>
        {label}
      </th>
      <td className={cell}>{format.number(value)}</td>
    </tr>
  );
  return (
    <div className="space-y-2">
      <FiguresTable caption={t('caption')} head={[t('kind'), t('inputs')]}>
        {row('resident', td('participantKind.resident'), counts.resident)}
        {row('organization', td('participantKind.organization'), counts.organization)}
        {counts.organizationsByCategory.map(({ category, inputs: value }) => row(`organization-${category}`, t('organizationCategory', { category: ts(`category.${category}`) }), value, true))}
        {row('assisted', td('participantKind.assisted'), counts.assisted)}
      </FiguresTable>
      <p className="hint max-w-3xl">{t('note')}</p>
    </div>
  );
}

export async function BalanceTable({ inputs }: { inputs: readonly PublishedInputView[] }) {
  const t = await getTranslations('report.balance');
  const ts = await getTranslations('stakeholders');
  const format = await getFormatter();
  const balance = participationBalance(inputs);
  const dominant = dominantCategories(balance);
  const percent = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  const hasShaping = balance.some((row) => row.shaping > 0);
  return (
    <div className="space-y-3">
      <FiguresTable caption={t('caption')} head={[t('category'), t('inputs'), t('inputShare'), t('shaping'), t('shapingShare')]}>
        {balance.map((row) => {
          const isDominant = dominant.includes(row.category);
          return (
            <tr key={row.category} className={`border-b border-stone-200 ${isDominant ? 'bg-amber-50' : ''}`}>
              <th scope="row" className="py-2 pr-4 font-medium">
                {ts(`category.${row.category}`)}
                {isDominant && <strong className="block text-sm font-semibold text-amber-900">{t('dominantMark')}</strong>}
              </th>
              <td className={cell}>{format.number(row.inputs)}</td>
              <td className={cell}>{percent(row.inputShare)}</td>
              <td className={cell}>{format.number(row.shaping)}</td>
              <td className={cell}>{row.shapingShare === null ? t('noneShaping') : percent(row.shapingShare)}</td>
            </tr>
          );
        })}
      </FiguresTable>
      {!hasShaping ? (
        <p className="max-w-3xl">{t('noShapingYet')}</p>
      ) : dominant.length > 0 ? (
        <p className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" role="note">
          {t('dominantNote', {
            count: dominant.length,
            categories: format.list(dominant.map((category) => ts(`category.${category}`))),
            gap: Math.round(DOMINANCE_GAP * 100),
          })}
        </p>
      ) : (
        <p className="max-w-3xl">{t('noDominant', { gap: Math.round(DOMINANCE_GAP * 100) })}</p>
      )}
    </div>
  );
}
