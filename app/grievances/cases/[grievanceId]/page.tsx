import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { caseStage } from '@/lib/grievances/case-stage';
import { findCaseForHandler, type CaseAttachment, type CaseDetail, type CaseEvent } from '@/lib/grievances/case-queries';
import type { ComplainantIdentity } from '@/lib/grievances/identity';
import { HANDLER_STEPS } from '@/lib/grievances/step-schemas';
import { GRIEVANCE_STEPS } from '@/lib/grievances/vocabulary';
import { CaseClockText } from '../case-clock';
import { StepForm } from './step-forms';

type Props = { params: Promise<{ grievanceId: string }>; searchParams: Promise<{ done?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievanceCases'))('case.metaTitle') };
}

export default async function CasePage({ params, searchParams }: Props) {
  const actor = await requirePermission('grievance.handle');
  const found = await findCaseForHandler(await getDb(), { actor, grievanceId: (await params).grievanceId });
  if (!found) notFound();
  const t = await getTranslations('grievanceCases');
  const tg = await getTranslations('grievances');
  const tv = await getTranslations('validation');
  const format = await getFormatter();
  const doneParam = (await searchParams).done;
  const done = GRIEVANCE_STEPS.find((step) => step === doneParam);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });
  // Changes whenever the case moves on; the step forms start afresh then.
  const stage = caseStage({ status: found.status, eventCount: found.history.filter((event) => event.kind !== 'attachment_opened').length });

  return (
    <article className="space-y-8">
      <nav aria-label={t('case.breadcrumb')}>
        <Link href="/grievances/cases">{t('case.backToQueue')}</Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t('case.title', { reference: found.reference })}</h1>
        <p className="text-lg">
          <span className="font-semibold">{tg(`status.${found.status}`)}</span> · {found.channel.name}
        </p>
        <p className={found.clock?.isOverdue ? 'rounded-md border-2 border-red-800 bg-red-50 px-3 py-2 text-red-900' : ''} data-testid="case-clock">
          <CaseClockText clock={found.clock} />
        </p>
      </header>

      {done && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {t('case.stepDone', { step: tg(`step.${done}`) })}
        </p>
      )}

      <section aria-labelledby="filed-heading" className="card space-y-3">
        <h2 id="filed-heading" className="text-2xl font-semibold">
          {t('case.filedTitle')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <Term label={t('case.category')}>{tg(`category.${found.category}`)}</Term>
          <Term label={t('case.received')}>
            {when(found.receivedAt)} · {tg(`receivedVia.${found.receivedVia}`)}
          </Term>
          <Term label={t('case.assignedTo')}>{found.assignedOfficer ? (found.isAssignedToMe ? t('you') : found.assignedOfficer.name) : t('unassigned')}</Term>
          {found.place && <Term label={t('case.place')}>{found.place}</Term>}
          {found.eventDate && <Term label={t('case.eventDate')}>{format.dateTime(new Date(`${found.eventDate}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' })}</Term>}
          <Term label={t('case.confidentiality')}>{found.isConfidential ? t('case.isConfidential') : t('case.notConfidential')}</Term>
        </dl>
        <h3 className="text-lg font-semibold">{t('case.description')}</h3>
        <p className="max-w-3xl break-words whitespace-pre-line">{found.description}</p>
        {found.outcomeSought && (
          <>
            <h3 className="text-lg font-semibold">{t('case.outcomeSought')}</h3>
            <p className="max-w-3xl break-words whitespace-pre-line">{found.outcomeSought}</p>
          </>
        )}
      </section>

      <section aria-labelledby="complainant-heading" className="card space-y-2">
        <h2 id="complainant-heading" className="text-2xl font-semibold">
          {t('case.complainantTitle')}
        </h2>
        <Identity identity={found.identity} />
      </section>

      <section aria-labelledby="attachments-heading" className="space-y-2">
        <h2 id="attachments-heading" className="text-2xl font-semibold">
          {t('case.attachmentsTitle', { count: found.attachments.length })}
        </h2>
        {found.areAttachmentsWithheld ? (
          <p data-testid="attachments-withheld">{t('case.attachmentsWithheld')}</p>
        ) : found.attachments.length === 0 ? (
          <p>{t('case.noAttachments')}</p>
        ) : (
          <>
            <AttachmentList attachments={found.attachments} />
            {found.isConfidential && <p className="hint">{t('case.attachmentsRecorded')}</p>}
          </>
        )}
      </section>

      <section aria-labelledby="steps-heading" className="space-y-4">
        <h2 id="steps-heading" className="text-2xl font-semibold">
          {t('case.stepsTitle')}
        </h2>
        {found.availableSteps.length === 0 && <p>{found.status === 'closed' ? t('case.closedNoSteps') : t('case.noSteps')}</p>}
        {found.refusedSteps.length > 0 && (
          <ul className="space-y-1" aria-label={t('case.refusedTitle')}>
            {found.refusedSteps.map(({ step, refusal }) => (
              <li key={step} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
                <span className="font-semibold">{t(`steps.${step}.title`)}:</span> {tv(`grievance.${refusal}`)}
              </li>
            ))}
          </ul>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          {HANDLER_STEPS.map((step) => (
            <StepForm
              key={step}
              grievanceId={found.id}
              step={step}
              isAvailable={found.availableSteps.includes(step)}
              stage={stage}
              assignedOfficerId={found.assignedOfficer?.id ?? null}
              officers={found.officers.map((officer) => ({ id: officer.id, name: officer.name, isAdministrator: officer.role === 'admin' }))}
            />
          ))}
        </div>
      </section>

      <History found={found} />
    </article>
  );
}

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

async function Identity({ identity }: { identity: ComplainantIdentity }) {
  const t = await getTranslations('grievanceCases');
  const tg = await getTranslations('grievances');
  if (identity.kind === 'confidential') {
    return (
      <p data-testid="complainant-identity">
        <strong>{tg('confidential')}</strong> — {t('identity.confidentialExplanation')}
      </p>
    );
  }
  if (!identity.account && !identity.contact) return <p data-testid="complainant-identity">{t('identity.none')}</p>;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="complainant-identity">
      {identity.account && (
        <Term label={t('identity.account')}>
          {identity.account.name} · <a href={`mailto:${identity.account.email}`}>{identity.account.email}</a>
        </Term>
      )}
      {identity.contact?.name && <Term label={t('identity.contactName')}>{identity.contact.name}</Term>}
      {identity.contact?.email && (
        <Term label={t('identity.contactEmail')}>
          <a href={`mailto:${identity.contact.email}`}>{identity.contact.email}</a>
        </Term>
      )}
      {identity.contact?.phone && (
        <Term label={t('identity.contactPhone')}>
          <a href={`tel:${identity.contact.phone.replace(/[^0-9+]/g, '')}`}>{identity.contact.phone}</a>
        </Term>
      )}
    </dl>
  );
}

/** Downloads are served by /grievances/attachments/<id>/<fileName>, which checks access again. */
async function AttachmentList({ attachments }: { attachments: CaseAttachment[] }) {
  const t = await getTranslations('grievanceCases');
  const tg = await getTranslations('grievances');
  const format = await getFormatter();
  return (
    <ul className="list-disc space-y-1 pl-6">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={`/grievances/attachments/${attachment.id}/${encodeURIComponent(attachment.fileName)}`}>{attachment.fileName}</a>{' '}
          <span className="text-sm text-stone-600">
            {t('attachment.details', {
              size:
                attachment.byteSize < 1024 * 1024
                  ? t('attachment.kilobytes', { size: Math.max(1, Math.ceil(attachment.byteSize / 1024)) })
                  : t('attachment.megabytes', { size: Math.round((attachment.byteSize / (1024 * 1024)) * 10) / 10 }),
              by: tg(`actor.${attachment.addedBy}`),
              date: format.dateTime(attachment.createdAt, { dateStyle: 'medium' }),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The files that came with a later step (a message); the filing's own are listed above. */
async function EventAttachments({ attachments }: { attachments: CaseAttachment[] }) {
  if (attachments.length === 0) return null;
  return <AttachmentList attachments={attachments} />;
}

async function History({ found }: { found: CaseDetail }) {
  const t = await getTranslations('grievanceCases');
  const tg = await getTranslations('grievances');
  const format = await getFormatter();
  const actorLabel = (event: CaseEvent) =>
    event.actor.kind === 'complainant' ? tg('actor.complainant') : t('history.staff', { role: tg(`actor.${event.actor.kind}`), name: event.actor.name ?? t('history.formerStaff') });
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-2xl font-semibold">
        {t('history.title')}
      </h2>
      <ol className="space-y-3">
        {found.history.map((event) => (
          <li key={event.id} className="card space-y-1" data-testid="history-event">
            <p className="text-sm text-stone-600">
              {format.dateTime(event.createdAt, { dateStyle: 'medium', timeStyle: 'short' })} · {actorLabel(event)}
            </p>
            {event.kind === 'attachment_opened' ? (
              <p className="font-semibold">
                {event.openedAttachment?.fileName ? t('history.attachmentOpened', { fileName: event.openedAttachment.fileName }) : t('history.withheldAttachmentOpened')}
              </p>
            ) : (
              <p className="font-semibold">
                {tg(`step.${event.kind}`)}
                {event.assignedTo && <> — {t('history.assignedTo', { name: event.assignedTo.name ?? t('history.formerStaff') })}</>}
                {event.fromStatus !== null && event.fromStatus !== event.toStatus && (
                  <span className="font-normal"> ({t('history.statusChange', { from: tg(`status.${event.fromStatus}`), to: tg(`status.${event.toStatus}`) })})</span>
                )}
              </p>
            )}
            {event.message && <p className="max-w-3xl break-words whitespace-pre-line">{event.message}</p>}
            {event.kind !== 'received' && <EventAttachments attachments={found.attachments.filter((attachment) => attachment.eventId === event.id)} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
