import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { ANONYMOUS } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { hasEnded } from '@/lib/consultations/lifecycle';
import { findConsultation, type ConsultationView } from '@/lib/consultations/queries';
import { listDecisions, loadCoverage } from '@/lib/decisions/queries';
import { DocumentList } from './manage/document-list';
import { ConsultationHeader } from './consultation-header';
import { InputsSection } from './inputs-section';
import { DecisionsSummary } from './report/decisions-summary';

type Props = {
  params: Promise<{ consultationId: string }>;
  searchParams: Promise<{ page?: string | string[]; kind?: string | string[] }>;
};

// Metadata and page ask for the same consultation in one request: one query answers both.
const load = cache(async (consultationId: string) => findConsultation(await getDb(), { actor: await getActor(), id: consultationId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await load((await params).consultationId);
  return consultation ? { title: consultation.title, description: consultation.questions[0] } : {};
}

/**
 * What became of the input, as the public sees it: answers are recorded only once input
 * has stopped, so an open consultation costs no query here. The answers themselves are
 * loaded with the page of inputs that shows them.
 */
async function loadOutcome(consultation: ConsultationView) {
  if (!hasEnded(consultation.phase)) return null;
  const db = await getDb();
  const [coverage, decisions] = await Promise.all([loadCoverage(db, consultation.id), listDecisions(db, { actor: ANONYMOUS, consultationId: consultation.id })]);
  return { coverage, decisions: decisions.filter((decision) => decision.status === 'published') };
}

export default async function ConsultationPage({ params, searchParams }: Props) {
  const actor = await getActor();
  const consultation = await load((await params).consultationId);
  if (!consultation) notFound();
  const t = await getTranslations('consultations');
  const format = await getFormatter();
  const { earliestOpening } = consultation.priorInformation;
  const outcome = await loadOutcome(consultation);

  return (
    <article className="space-y-8">
      <ConsultationHeader consultation={consultation} />

      <section aria-labelledby="level-heading" className="card space-y-1">
        <h2 id="level-heading" className="text-lg font-semibold">
          {t('levelTitle', { level: t(`level.${consultation.level}.name`) })}
        </h2>
        <p>{t(`level.${consultation.level}.promise`)}</p>
      </section>

      {outcome && <DecisionsSummary consultationId={consultation.id} coverage={outcome.coverage} decisions={outcome.decisions} />}

      <section aria-labelledby="questions-heading" className="space-y-2">
        <h2 id="questions-heading" className="text-2xl font-semibold">
          {t('questionsTitle')}
        </h2>
        <ol className="list-decimal space-y-1 pl-6 text-lg">
          {consultation.questions.map((question, index) => (
            <li key={index}>{question}</li>
          ))}
        </ol>
        <h3 className="pt-2 text-lg font-semibold">{t('scopeTitle')}</h3>
        <p className="max-w-3xl whitespace-pre-line">{consultation.scope}</p>
      </section>

      <section aria-labelledby="documents-heading" className="space-y-3">
        <h2 id="documents-heading" className="text-2xl font-semibold">
          {t('documentsTitle')}
        </h2>
        <p className="max-w-3xl">{t('informationPeriod', { days: consultation.informationDays })}</p>
        {consultation.shortInformationReason && (
          <div className="card max-w-3xl space-y-1">
            <h3 className="font-semibold">{t('shortPeriodTitle')}</h3>
            <p className="whitespace-pre-line">{consultation.shortInformationReason}</p>
          </div>
        )}
        {consultation.phase === 'information' && earliestOpening && (
          <p>{t('earliestOpening', { date: format.dateTime(earliestOpening, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
        )}
        <DocumentList consultationId={consultation.id} canManage={false} />
      </section>

      <InputsSection consultation={consultation} actor={actor} searchParams={await searchParams} decisions={outcome?.decisions} />

      <nav aria-label={t('moreLinks')} className="flex flex-wrap gap-4">
        <Link href={`/consultations/${consultation.id}/moderation-log`}>{t('moderationLogLink')}</Link>
        {can(actor, 'consultation.manage') && <Link href={`/consultations/${consultation.id}/manage`}>{t('manageLink')}</Link>}
      </nav>
    </article>
  );
}
