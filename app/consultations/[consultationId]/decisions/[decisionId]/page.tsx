import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatFileSize } from '@/lib/documents/file-size';
import { getFormatter, getTranslations } from 'next-intl/server';
import { decisionDocumentPath } from '@/app/decision-documents/document-path';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { hasEnded } from '@/lib/consultations/lifecycle';
import { findConsultation } from '@/lib/consultations/queries';
import { accountabilityCoverage, coverageMessageValues } from '@/lib/decisions/figures';
import { findDecision, loadConsultationAnswers } from '@/lib/decisions/queries';
import { acceptedType } from '@/lib/documents/file-check';
import { formatCalendarDay } from '@/app/_components/calendar-day';
import { DecisionDocumentUploadForm, DeleteDraftForm, EditDecisionForm, PublishForm, RemoveDecisionDocumentForm } from './draft-forms';

type Props = {
  params: Promise<{ consultationId: string; decisionId: string }>;
  searchParams: Promise<{ created?: string | string[]; published?: string | string[] }>;
};

// Metadata and page ask for the same decision in one request: one query answers both.
const load = cache(async (consultationId: string, decisionId: string) => {
  const db = await getDb();
  const actor = await getActor();
  const [consultation, decision] = await Promise.all([findConsultation(db, { actor, id: consultationId }), findDecision(db, { actor, decisionId })]);
  // A decision is only found under its own consultation's address.
  return consultation && decision && decision.consultationId === consultation.id ? { consultation, decision } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { consultationId, decisionId } = await params;
  const found = await load(consultationId, decisionId);
  return found ? { title: found.decision.title, description: found.decision.summary } : {};
}

export default async function DecisionPage({ params, searchParams }: Props) {
  const { consultationId, decisionId } = await params;
  const found = await load(consultationId, decisionId);
  if (!found) notFound();
  const { consultation, decision } = found;
  const actor = await getActor();
  const answers = await loadConsultationAnswers(await getDb(), { actor, consultationId: consultation.id });
  const t = await getTranslations('decisionManage');
  const td = await getTranslations('decisions');
  const tDocuments = await getTranslations('documents');
  const format = await getFormatter();
  const query = await searchParams;
  const base = `/consultations/${consultation.id}`;
  const isDraft = decision.status === 'draft';
  const canManage = isDraft && can(actor, 'decision.manage');
  // Responses tied to drafts are shown to staff only (loadConsultationAnswers decides).
  const answered = answers.inputs.filter((input) => input.response?.decisionIds.includes(decision.id));
  const coverage = accountabilityCoverage(answers.inputs);
  const size = (bytes: number) => formatFileSize(format, bytes);

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href={`${base}/decisions`}>← {t('title', { title: consultation.title })}</Link>
        </p>
        {isDraft && (
          <p>
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t('draftBadge')}</span> {t('draftNote')}
          </p>
        )}
        <h1 className="text-3xl font-bold">{decision.title}</h1>
        <p className="text-lg">{td('decidedOn', { body: decision.decidingBody, date: formatCalendarDay(format, decision.decidedOn) })}</p>
        {decision.publishedAt && <p className="text-sm text-stone-700">{t('publishedAt', { date: format.dateTime(decision.publishedAt, { dateStyle: 'long' }) })}</p>}
        {canManage && query.created === '1' && (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
            {t('created')}
          </p>
        )}
        {!isDraft && query.published === '1' && can(actor, 'decision.manage') && (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
            {t('published')}
          </p>
        )}
      </header>

      {decision.unansweredAtPublication !== null && decision.unansweredReason !== null && (
        <section aria-labelledby="unanswered-heading" className="max-w-3xl space-y-1 rounded-lg border-2 border-amber-400 bg-amber-50 p-5">
          <h2 id="unanswered-heading" className="text-lg font-semibold">
            {t('unansweredTitle')}
          </h2>
          <p className="whitespace-pre-line">{td('unansweredAtPublication', { count: decision.unansweredAtPublication, reason: decision.unansweredReason })}</p>
        </section>
      )}

      <section aria-labelledby="summary-heading" className="space-y-2">
        <h2 id="summary-heading" className="text-2xl font-semibold">
          {t('summaryTitle')}
        </h2>
        <p className="max-w-3xl whitespace-pre-line text-lg">{decision.summary}</p>
      </section>

      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-2xl font-semibold">
          {t('textTitle')}
        </h2>
        <div className="max-w-3xl whitespace-pre-line break-words">{decision.body}</div>
      </section>

      <section aria-labelledby="documents-heading" className="space-y-3">
        <h2 id="documents-heading" className="text-2xl font-semibold">
          {t('documents.title')}
        </h2>
        {decision.documents.length === 0 ? (
          <p>{t('documents.none')}</p>
        ) : (
          <ul className="space-y-2">
            {decision.documents.map((document) => {
              const type = acceptedType(document.contentType);
              return (
                <li key={document.id} className="space-y-1">
                  <a href={decisionDocumentPath(document)} className="font-medium">
                    {document.title}
                  </a>
                  <p className="text-sm text-stone-700">
                    {tDocuments('details', { type: type ? tDocuments(`types.${type.extension}`) : tDocuments('types.other'), size: size(document.byteSize), fileName: document.fileName })}
                  </p>
                  {canManage && <RemoveDecisionDocumentForm document={document} />}
                </li>
              );
            })}
          </ul>
        )}
        {canManage && <DecisionDocumentUploadForm decisionId={decision.id} />}
      </section>

      <section aria-labelledby="answers-heading" className="space-y-3">
        <h2 id="answers-heading" className="text-2xl font-semibold">
          {t('answersTitle')}
        </h2>
        {answered.length === 0 ? (
          <p>{isDraft && can(actor, 'consultation.manage') ? t.rich('answersNoneDraft', { link: (chunks) => <Link href={`${base}/responses`}>{chunks}</Link> }) : t('answersNone')}</p>
        ) : (
          <ul className="space-y-3">
            {answered.map((input) => (
              <li key={input.id} className="card space-y-1">
                <h3 className="font-semibold">
                  <Link href={`${base}#input-${input.number}`}>{t('inputHeading', { number: input.number, title: input.title })}</Link>
                </h3>
                <p>
                  <span className="rounded-full bg-stone-200 px-2 py-0.5 text-sm font-medium text-stone-900">{td(`outcome.${input.response!.outcome}`)}</span>
                </p>
                <p className="max-w-3xl whitespace-pre-line break-words">{input.response!.explanation}</p>
                {input.respondedVia === 'theme' && input.theme && <p className="text-sm text-stone-700">{td('viaTheme', { theme: input.theme.title })}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canManage && (
        <>
          <EditDecisionForm
            decisionId={decision.id}
            saved={{ title: decision.title, summary: decision.summary, body: decision.body, decidingBody: decision.decidingBody, decidedOn: decision.decidedOn }}
          />

          <section aria-labelledby="publish-heading" className="card space-y-4">
            <h2 id="publish-heading" className="text-2xl font-semibold">
              {t('publish.title')}
            </h2>
            {hasEnded(consultation.phase) ? (
              <PublishForm decisionId={decision.id} consultationId={consultation.id} unanswered={coverage.unanswered}>
                <p>{t('publish.intro')}</p>
                <p>{coverage.share === null ? td('coverageNone') : td('coverage', coverageMessageValues(coverage))}</p>
                {coverage.unanswered > 0 && (
                  <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
                    <p className="font-medium">{t('publish.unansweredWarning', { count: coverage.unanswered })}</p>
                    <p>
                      <Link href={`${base}/responses?show=unanswered#inputs-heading`}>{t('publish.answerThem')}</Link>
                    </p>
                  </div>
                )}
              </PublishForm>
            ) : (
              <p>{t('publish.stillTakingInput')}</p>
            )}
          </section>

          <section aria-labelledby="delete-heading" className="space-y-2">
            <h2 id="delete-heading" className="text-2xl font-semibold">
              {t('delete.title')}
            </h2>
            <DeleteDraftForm decisionId={decision.id} />
          </section>
        </>
      )}
    </article>
  );
}
