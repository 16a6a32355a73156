// A case, for its complainant: opened with this browser's follow cookie or as the
// account that filed it. Anyone else sees the follow form, exactly as for a reference
// that does not exist. Pages under this path send only the site's origin as Referer
// (next.config.js).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatFileSize } from '@/lib/documents/file-size';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { caseStage } from '@/lib/grievances/case-stage';
import { loadComplainantView, type ComplainantAttachment, type ComplainantStep } from '@/lib/grievances/complainant-view';
import { complainantAccessFor } from '@/lib/grievances/follow-cookie';
import { CaseClockText } from '../../cases/case-clock';
import { FollowPanel } from '../follow-panel';
import { AcceptResolutionForm, AppealForm, ForgetCaseForm, MessageForm } from './case-forms';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  // The reference stays out of the title: titles end up in history lists and bookmarks.
  return { title: (await getTranslations('grievances'))('follow.title'), robots: { index: false, follow: false } };
}

const DONE_STEPS: readonly ComplainantStep[] = ['message', 'accept_resolution', 'appeal'];

async function AttachmentList({ attachments }: { attachments: ComplainantAttachment[] }) {
  const t = await getTranslations('grievances.case');
  const format = await getFormatter();
  const size = (bytes: number) => formatFileSize(format, bytes);
  return (
    <ul className="list-disc space-y-1 pl-6">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={`/grievances/attachments/${attachment.id}/${encodeURIComponent(attachment.fileName)}`}>
            {t('attachment', { fileName: attachment.fileName, size: size(attachment.byteSize) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

export default async function ComplainantCasePage({ params, searchParams }: Props) {
  // References are letters, digits and dashes: nothing in them needs decoding.
  const { reference: typedReference } = await params;
  const db = await getDb();
  const access = await complainantAccessFor(db, { actor: await getActor(), reference: typedReference });
  const t = await getTranslations('grievances');
  if (!access) return <FollowPanel intro={t('follow.caseIntro')} />;
  // One address per case, however the reference was typed (lower case, without dashes).
  if (typedReference !== access.reference) redirect(`/grievances/follow/${access.reference}`);

  const view = await loadComplainantView(db, { access });
  const format = await getFormatter();
  const done = (await searchParams).done;
  const doneStep = DONE_STEPS.find((step) => step === done);
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  // A calendar day as given, shown as that day whatever the time zone.
  const eventDay = view.eventDate ? format.dateTime(new Date(`${view.eventDate}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : null;
  const firstAttachments = view.history[0]?.kind === 'received' ? view.history[0].attachments : [];
  // Changes whenever the case moves on; the step forms start afresh then.
  const stage = caseStage({ status: view.status, eventCount: view.history.length });

  return (
    <article className="max-w-3xl space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{t('case.title', { reference: view.reference })}</h1>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('case.statusLabel')}</dt>
          <dd data-testid="grievance-status">{t(`status.${view.status}`)}</dd>
          <dt className="font-medium">{t('case.deadlineLabel')}</dt>
          <dd>
            <CaseClockText clock={view.clock} />
          </dd>
          <dt className="font-medium">{t('case.channelLabel')}</dt>
          <dd>
            <Link href={`/grievances/channels/${view.channel.id}`}>{view.channel.name}</Link>
          </dd>
          <dt className="font-medium">{t('case.receivedLabel')}</dt>
          <dd>{t('case.receivedValue', { date: dateTime(view.receivedAt), via: t(`receivedVia.${view.receivedVia}`) })}</dd>
        </dl>
      </header>

      {doneStep && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {t(`case.done.${doneStep}`)}
        </p>
      )}

      <section aria-labelledby="wrote-heading" className="space-y-3">
        <h2 id="wrote-heading" className="text-2xl font-semibold">
          {t('case.whatYouWrote')}
        </h2>
        <dl className="space-y-3">
          <div>
            <dt className="font-medium">{t('case.category')}</dt>
            <dd>{t(`category.${view.category}`)}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('case.description')}</dt>
            <dd className="whitespace-pre-line">{view.description}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('case.place')}</dt>
            <dd>{view.place ?? t('case.notGiven')}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('case.eventDate')}</dt>
            <dd>{eventDay ?? t('case.notGiven')}</dd>
          </div>
          <div>
            <dt className="font-medium">{t('case.outcomeSought')}</dt>
            <dd className="whitespace-pre-line">{view.outcomeSought ?? t('case.notGiven')}</dd>
          </div>
          {firstAttachments.length > 0 && (
            <div>
              <dt className="font-medium">{t('case.attachments')}</dt>
              <dd>
                <AttachmentList attachments={firstAttachments} />
              </dd>
            </div>
          )}
        </dl>
        <p className="hint">{view.isConfidential ? t('case.confidential') : t('case.notConfidential')}</p>
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-2xl font-semibold">
          {t('case.history')}
        </h2>
        <p className="hint">{t('case.historyIntro')}</p>
        <ol className="space-y-3" data-testid="grievance-history">
          {view.history.map((entry) => (
            <li key={entry.id} className="card space-y-1">
              <p className="text-sm text-stone-600">
                <time dateTime={entry.at.toISOString()}>{dateTime(entry.at)}</time> · {t('case.by', { actor: t(`actor.${entry.actor}`) })}
              </p>
              <p className="font-semibold">{t(`step.${entry.kind}`)}</p>
              {entry.message && <p className="whitespace-pre-line">{entry.message}</p>}
              {entry.kind !== 'received' && entry.attachments.length > 0 && <AttachmentList attachments={entry.attachments} />}
            </li>
          ))}
        </ol>
      </section>

      <section id="your-actions" aria-labelledby="actions-heading" className="space-y-4">
        <h2 id="actions-heading" className="text-2xl font-semibold">
          {t('case.yourActions')}
        </h2>
        {view.steps.length === 0 && <p>{t('case.noActions')}</p>}
        {/* Always rendered, in this order: each form hides itself unless its step is offered or it answers a refused one (case-forms.tsx). */}
        <AcceptResolutionForm reference={view.reference} stage={stage} isAvailable={view.steps.includes('accept_resolution')} />
        <AppealForm
          reference={view.reference}
          stage={stage}
          isAvailable={view.steps.includes('appeal')}
          until={view.appealPossibleUntil && t('case.appealUntil', { date: format.dateTime(view.appealPossibleUntil, { dateStyle: 'long', timeStyle: 'short' }) })}
        />
        <MessageForm reference={view.reference} stage={stage} isAvailable={view.steps.includes('message')} />
      </section>

      <ForgetCaseForm />
    </article>
  );
}
