// The answer that applies to an input or a theme, as staff read it before changing it:
// outcome, explanation, version, the decisions it is tied to and every earlier wording.
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { OutcomeBadge } from '@/app/_components/response-summary';
import type { ResponseRevisionView, ResponseView } from '@/lib/decisions/queries';
import type { DecisionOption } from './response-form';

export interface ResponseSummaryProps {
  consultationId: string;
  response: ResponseView | null;
  earlier: readonly ResponseRevisionView[];
  decisions: readonly DecisionOption[];
  /** Set when the answer is its theme's. */
  viaTheme?: { id: string; title: string };
}

export async function ResponseSummary({ consultationId, response, earlier, decisions, viaTheme }: ResponseSummaryProps) {
  const t = await getTranslations('responses.summary');
  const td = await getTranslations('decisions');
  const format = await getFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'long', timeStyle: 'short' });

  if (!response) {
    return (
      <p>
        <OutcomeBadge outcome={null} />
      </p>
    );
  }
  const linked = decisions.filter((decision) => response.decisionIds.includes(decision.id));
  return (
    <div className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3">
      <p className="flex flex-wrap items-center gap-2">
        <OutcomeBadge outcome={response.outcome} />
        <span className="text-sm text-stone-700">{t('version', { revision: response.revision, date: date(response.updatedAt) })}</span>
      </p>
      <p className="max-w-3xl whitespace-pre-line break-words">{response.explanation}</p>
      {viaTheme && (
        <p className="text-sm">
          <a href={`#theme-${viaTheme.id}`}>{td('viaTheme', { theme: viaTheme.title })}</a>
        </p>
      )}
      {linked.length === 0 ? (
        <p className="text-sm text-stone-700">{t('noDecisions')}</p>
      ) : (
        <div className="text-sm">
          <p>{t('decisions')}</p>
          <ul className="list-disc pl-6">
            {linked.map((decision) => (
              <li key={decision.id}>
                <Link href={`/consultations/${consultationId}/decisions/${decision.id}`}>{decision.title}</Link>
                {!decision.isPublished && <> ({t('draft')})</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {earlier.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">{t('earlier', { count: earlier.length })}</summary>
          <ol className="mt-2 space-y-1 pl-2">
            {earlier.map((revision) => (
              <li key={revision.revision} className="whitespace-pre-line break-words">
                {td('earlierWording', {
                  revision: revision.revision,
                  date: date(revision.createdAt),
                  outcome: td(`outcome.${revision.outcome}`),
                  explanation: revision.explanation,
                })}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
