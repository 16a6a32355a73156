// How an answer to an input reads wherever it is shown (the consultation page, the
// report, "My participation"): the outcome as a badge whose text says it (colour only
// repeats it), the explanation, whether it came with a theme, and when it was changed.
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ResponseRevisionView } from '@/lib/decisions/queries';
import type { ResponseOutcome } from '@/lib/decisions/vocabulary';

const OUTCOME_STYLES: Record<ResponseOutcome | 'unanswered', string> = {
  adopted: 'border-emerald-300 bg-emerald-100 text-emerald-900',
  partly_adopted: 'border-lime-300 bg-lime-100 text-lime-900',
  not_adopted: 'border-stone-300 bg-stone-200 text-stone-800',
  noted: 'border-sky-300 bg-sky-100 text-sky-900',
  unanswered: 'border-amber-300 bg-amber-100 text-amber-900',
};

export async function OutcomeBadge({ outcome }: { outcome: ResponseOutcome | null }) {
  const t = await getTranslations('decisions');
  const tr = await getTranslations('report.response');
  const key = outcome ?? 'unanswered';
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${OUTCOME_STYLES[key]}`}>
      <span className="sr-only">{tr('outcomeLabel')} </span>
      {t(`outcome.${key}`)}
    </span>
  );
}

export interface ResponseSummaryProps {
  outcome: ResponseOutcome;
  explanation: string;
  revision: number;
  updatedAt: Date;
  /** The theme's title when the answer was given to the theme the input is in. */
  viaTheme: string | null;
  /** Earlier wordings, the latest first; when absent, only the date of the change is told. */
  earlier?: readonly ResponseRevisionView[];
  /** The published decisions the answer is tied to, with their addresses. */
  decisions?: ReadonlyArray<{ href: string; title: string }>;
}

/** The published decisions among `decisionIds`, as links for ResponseSummary. */
export function decisionLinks(consultationId: string, decisionIds: readonly string[], published: ReadonlyArray<{ id: string; title: string }>) {
  return published.filter((decision) => decisionIds.includes(decision.id)).map((decision) => ({ href: `/consultations/${consultationId}/decisions/${decision.id}`, title: decision.title }));
}

export async function ResponseSummary({ outcome, explanation, revision, updatedAt, viaTheme, earlier, decisions = [] }: ResponseSummaryProps) {
  const t = await getTranslations('decisions');
  const tr = await getTranslations('report.response');
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'long' });
  return (
    <div className="space-y-1">
      <p>
        <OutcomeBadge outcome={outcome} />
      </p>
      <p className="max-w-3xl whitespace-pre-line break-words">{explanation}</p>
      {viaTheme !== null && <p className="hint">{t('viaTheme', { theme: viaTheme })}</p>}
      {decisions.length > 0 && (
        <p className="text-sm">
          {t('tiedTo', { count: decisions.length })}{' '}
          {decisions.map((decision, index) => (
            <span key={decision.href}>
              {index > 0 && ', '}
              <Link href={decision.href}>{decision.title}</Link>
            </span>
          ))}
        </p>
      )}
      {revision > 1 &&
        (earlier && earlier.length > 0 ? (
          <div className="hint space-y-1">
            <p>{t('revised', { date: day(updatedAt) })}</p>
            <ul className="list-disc space-y-1 pl-5">
              {earlier.map((version) => (
                <li key={version.revision}>
                  {t('earlierWording', { revision: version.revision, date: day(version.createdAt), outcome: t(`outcome.${version.outcome}`), explanation: version.explanation })}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="hint">{tr('changedOn', { date: day(updatedAt), revision })}</p>
        ))}
    </div>
  );
}
