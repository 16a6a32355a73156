// "You said, we did": the public record of what became of a consultation's inputs. It
// shows what the public may see, also to staff (answers read as an anonymous visitor,
// published decisions only), so the page and its downloads always say the same.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConsultationPhaseBadge } from '@/app/_components/consultation-phase-badge';
import { getDb } from '@/db';
import { ANONYMOUS } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { findConsultation } from '@/lib/consultations/queries';
import { accountabilityCoverage } from '@/lib/decisions/figures';
import { earlierRevisions, listDecisions, loadConsultationAnswers, type ResponseView } from '@/lib/decisions/queries';
import { PrintButton } from './print-button';
import { InputList, ThemeList } from './report-answers';
import { BalanceTable, CoverageFigure, OutcomeTable, ParticipantTable } from './report-figures';
import { formatCalendarDay } from '@/app/_components/calendar-day';

type Props = { params: Promise<{ consultationId: string }> };

const load = cache(async (consultationId: string) => findConsultation(await getDb(), { actor: await getActor(), id: consultationId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await load((await params).consultationId);
  return consultation ? { title: (await getTranslations('report'))('title', { title: consultation.title }) } : {};
}

function ReportSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl font-semibold print:break-after-avoid">
        {heading}
      </h2>
      {children}
    </section>
  );
}

export default async function ConsultationReportPage({ params }: Props) {
  const consultation = await load((await params).consultationId);
  if (!consultation) notFound();
  const db = await getDb();
  const [answers, decisions] = await Promise.all([
    loadConsultationAnswers(db, { actor: ANONYMOUS, consultationId: consultation.id }),
    listDecisions(db, { actor: ANONYMOUS, consultationId: consultation.id }),
  ]);
  const published = decisions.filter((decision) => decision.status === 'published');
  const responses = new Map<string, ResponseView>();
  for (const subject of [...answers.inputs, ...answers.themes]) if (subject.response) responses.set(subject.response.id, subject.response);
  const earlier = await earlierRevisions(db, [...responses.values()]);
  const t = await getTranslations('report');
  const td = await getTranslations('decisions');
  const tc = await getTranslations('consultations');
  const format = await getFormatter();
  const base = `/consultations/${consultation.id}`;
  const themes = answers.themes.filter((theme) => theme.inputIds.length > 0);
  const single = answers.inputs.filter((input) => input.theme === null);
  const hasInputs = answers.inputs.length > 0;

  return (
    <article className="space-y-8">
      <p className="print:hidden">
        <Link href={base}>← {t('backToConsultation')}</Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{t('title', { title: consultation.title })}</h1>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('initiative')}</dt>
          <dd>{consultation.initiative.title}</dd>
          <dt className="font-medium">{tc('statusLabel')}</dt>
          <dd>
            <ConsultationPhaseBadge phase={consultation.phase} />
          </dd>
          <dt className="font-medium">{t('producedOn')}</dt>
          <dd>{format.dateTime(new Date(), { dateStyle: 'long', timeStyle: 'short' })}</dd>
        </dl>
        <p className="max-w-3xl">{t('lead')}</p>
        <nav aria-label={t('actions.label')} className="print:hidden">
          <ul className="flex flex-wrap items-center gap-4">
            <li>
              <a href={`${base}/report.csv`} download>
                {t('actions.csv')}
              </a>
            </li>
            <li>
              <a href={`${base}/report.json`} download>
                {t('actions.json')}
              </a>
            </li>
            <li>
              <PrintButton label={t('actions.print')} />
            </li>
          </ul>
        </nav>
      </header>

      <ReportSection id="decisions-heading" heading={t('decisions.heading')}>
        {published.length === 0 ? (
          <p>{t('decisions.none')}</p>
        ) : (
          <ul className="space-y-4">
            {published.map((decision) => (
              <li key={decision.id} className="card space-y-2 break-inside-avoid print:shadow-none">
                <h3 className="text-lg font-semibold">
                  <Link href={`${base}/decisions/${decision.id}`}>{decision.title}</Link>
                </h3>
                <p className="text-sm text-stone-600">{td('decidedOn', { body: decision.decidingBody, date: formatCalendarDay(format, decision.decidedOn) })}</p>
                <p className="max-w-3xl whitespace-pre-line break-words">{decision.summary}</p>
                {(decision.unansweredAtPublication ?? 0) > 0 && (
                  <p className="max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
                    {td('unansweredAtPublication', { count: decision.unansweredAtPublication ?? 0, reason: decision.unansweredReason ?? '' })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="print:hidden">
          <Link href={`${base}/decisions`}>{t('decisions.allLink')}</Link>
        </p>
      </ReportSection>

      <ReportSection id="coverage-heading" heading={t('coverage.heading')}>
        <p className="max-w-3xl">{t('coverage.lead')}</p>
        <CoverageFigure coverage={accountabilityCoverage(answers.inputs)} />
      </ReportSection>

      {hasInputs && (
        <>
          <ReportSection id="figures-heading" heading={t('figures.heading')}>
            <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2">
              <OutcomeTable inputs={answers.inputs} />
              <ParticipantTable inputs={answers.inputs} />
            </div>
          </ReportSection>

          <ReportSection id="balance-heading" heading={t('balance.heading')}>
            <p className="max-w-3xl">{t('balance.lead')}</p>
            <BalanceTable inputs={answers.inputs} />
          </ReportSection>
        </>
      )}

      {themes.length > 0 && (
        <ReportSection id="themes-heading" heading={t('themes.heading')}>
          <p className="max-w-3xl">{t('themes.lead')}</p>
          <ThemeList consultationId={consultation.id} themes={themes} inputs={answers.inputs} earlier={earlier} decisions={published} />
        </ReportSection>
      )}

      {hasInputs && single.length > 0 && (
        <ReportSection id="inputs-heading" heading={themes.length > 0 ? t('inputs.headingOutsideThemes') : t('inputs.heading')}>
          <InputList consultationId={consultation.id} inputs={single} earlier={earlier} decisions={published} />
        </ReportSection>
      )}
    </article>
  );
}
