import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { findConsultation } from '@/lib/consultations/queries';
import { listDecisions } from '@/lib/decisions/queries';
import { formatCalendarDay } from '@/app/_components/calendar-day';
import { NewDecisionForm } from './new-decision-form';

type Props = { params: Promise<{ consultationId: string }>; searchParams: Promise<{ deleted?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('decisionManage'))('metaTitle') };
}

export default async function DecisionsPage({ params, searchParams }: Props) {
  const actor = await getActor();
  const db = await getDb();
  const consultation = await findConsultation(db, { actor, id: (await params).consultationId });
  if (!consultation) notFound();
  // Drafts are listed for staff only (listDecisions decides).
  const decisions = await listDecisions(db, { actor, consultationId: consultation.id });
  const isStaff = can(actor, 'decision.manage');
  const t = await getTranslations('decisionManage');
  const td = await getTranslations('decisions');
  const format = await getFormatter();
  const base = `/consultations/${consultation.id}`;

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href={base}>← {consultation.title}</Link>
        </p>
        <h1 className="text-3xl font-bold">{t('title', { title: consultation.title })}</h1>
        <p className="max-w-3xl">{t('listIntro')}</p>
        {isStaff && (
          <nav aria-label={t('staffLinks')} className="flex flex-wrap gap-4">
            <Link href={`${base}/responses`}>{t('responsesLink')}</Link>
            <Link href={`${base}/manage`}>{t('manageLink')}</Link>
          </nav>
        )}
      </header>

      {isStaff && (await searchParams).deleted === '1' && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {t('deleted')}
        </p>
      )}

      <section aria-labelledby="decisions-heading" className="space-y-4">
        <h2 id="decisions-heading" className="text-2xl font-semibold">
          {t('listTitle', { count: decisions.length })}
        </h2>
        {decisions.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul className="space-y-4">
            {decisions.map((decision) => (
              <li key={decision.id} className="card space-y-2">
                <h3 className="text-lg font-semibold">
                  <Link href={`${base}/decisions/${decision.id}`}>{decision.title}</Link>
                  {decision.status === 'draft' && (
                    <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t('draftBadge')}</span>
                  )}
                </h3>
                <p className="text-sm text-stone-700">{td('decidedOn', { body: decision.decidingBody, date: formatCalendarDay(format, decision.decidedOn) })}</p>
                <p className="max-w-3xl whitespace-pre-line">{decision.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {isStaff && <NewDecisionForm consultationId={consultation.id} />}
    </article>
  );
}
