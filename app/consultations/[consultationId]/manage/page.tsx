import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { isEditable } from '@/lib/consultations/lifecycle';
import { findConsultation } from '@/lib/consultations/queries';
import type { ConsultationStatus } from '@/lib/consultations/vocabulary';
import { findInitiativeChannel } from '@/lib/grievances/channels';
import { changeStatusAction } from '../../actions';
import { StatusControl } from '../../status-control';
import { ConsultationHeader } from '../consultation-header';
import { AssistedInputForm } from './assisted-input-form';
import { DocumentList } from './document-list';
import { DocumentUploadForm } from './document-upload-form';
import { GrievanceReadiness } from './grievance-readiness';

type Props = { params: Promise<{ consultationId: string }>; searchParams: Promise<{ recorded?: string | string[] }> };

const NEXT_STATUS: Record<ConsultationStatus, ConsultationStatus | null> = { draft: 'information', information: 'open', open: 'closed', closed: null, decided: null };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('manageLink') };
}

export default async function ManageConsultationPage({ params, searchParams }: Props) {
  const actor = await requirePermission('consultation.manage');
  const consultation = await findConsultation(await getDb(), { actor, id: (await params).consultationId });
  if (!consultation) notFound();
  const grievanceChannel = await findInitiativeChannel(await getDb(), { initiativeId: consultation.initiativeId });
  const t = await getTranslations('consultations');
  const tm = await getTranslations('consultations.manage');
  const tr = await getTranslations('responses');
  const tdm = await getTranslations('decisionManage');
  const format = await getFormatter();
  const next = NEXT_STATUS[consultation.status];
  const { isSatisfied, earliestOpening } = consultation.priorInformation;
  const recorded = Number((await searchParams).recorded);

  return (
    <article className="space-y-8">
      <ConsultationHeader consultation={consultation} />
      <nav aria-label={t('moreLinks')} className="flex flex-wrap gap-4">
        <Link href={`/consultations/${consultation.id}`}>{tm('viewPublic')}</Link>
        {isEditable(consultation.status) && <Link href={`/consultations/${consultation.id}/edit`}>{tm('edit')}</Link>}
        <Link href="/moderation">{tm('moderationQueue')}</Link>
        <Link href={`/consultations/${consultation.id}/moderation-log`}>{t('moderationLogLink')}</Link>
        <Link href={`/consultations/${consultation.id}/responses`}>{tr('manageLink')}</Link>
        <Link href={`/consultations/${consultation.id}/decisions`}>{tdm('listLink')}</Link>
      </nav>

      <section aria-labelledby="status-heading" className="card space-y-3">
        <h2 id="status-heading" className="text-2xl font-semibold">
          {tm('statusTitle')}
        </h2>
        <p>{tm('currentStatus', { phase: t(`phase.${consultation.phase}`) })}</p>
        {/* Prior information decides whether the consultation may open; once it has opened, the line would only mislead. */}
        {(consultation.status === 'draft' || consultation.status === 'information') && (
          <p>
            {isSatisfied
              ? tm('priorReady')
              : earliestOpening
                ? tm('priorFrom', { date: format.dateTime(earliestOpening, { dateStyle: 'long', timeStyle: 'short' }) })
                : tm('priorNone')}
          </p>
        )}
        {(consultation.status === 'draft' || consultation.status === 'information') && (
          <GrievanceReadiness channel={grievanceChannel} initiativeSlug={consultation.initiative.slug} canSetUp={can(actor, 'grievance.manageChannels')} />
        )}
        {next ? (
          // A new key once the status or the readiness changes, so a refusal given earlier
          // (say, for a missing document) does not stay beside "the consultation may open".
          <StatusControl key={`${consultation.status}-${isSatisfied}-${grievanceChannel !== null}`} action={changeStatusAction} consultationId={consultation.id} to={next} />
        ) : (
          <p>{tm('finished')}</p>
        )}
      </section>

      <section aria-labelledby="manage-documents-heading" className="space-y-3">
        <h2 id="manage-documents-heading" className="text-2xl font-semibold">
          {tm('documentsTitle')}
        </h2>
        <DocumentList consultationId={consultation.id} canManage />
        <DocumentUploadForm consultationId={consultation.id} canChangePlan={isEditable(consultation.status)} />
      </section>

      <section aria-labelledby="assisted-heading" className="space-y-3">
        <h2 id="assisted-heading" className="text-2xl font-semibold">
          {tm('assistedTitle')}
        </h2>
        <p className="max-w-3xl">{tm('assistedIntro')}</p>
        {Number.isInteger(recorded) && recorded > 0 && (
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
            {tm('recorded', { number: recorded })}
          </p>
        )}
        {can(actor, 'input.recordAssisted', { phase: consultation.phase }) ? (
          <AssistedInputForm consultationId={consultation.id} submissionKey={randomUUID()} />
        ) : (
          <p>{tm('assistedClosed')}</p>
        )}
      </section>
    </article>
  );
}
