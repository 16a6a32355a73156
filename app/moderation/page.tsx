import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { moderationQueue, type QueueInput } from '@/lib/moderation/queue';
import { HideForm, ModerationButton } from './moderation-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('moderation'))('title') };
}

export default async function ModerationPage() {
  const actor = await requirePermission('input.moderate');
  const queue = await moderationQueue(await getDb(), { actor });
  const t = await getTranslations('moderation');

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="max-w-3xl">{t('intro')}</p>

      <QueueSection id="pending" title={t('pendingTitle', { count: queue.pending.length })} empty={t('none')}>
        {queue.pending.map((input) => (
          <QueueCard key={input.id} input={input}>
            <ModerationButton inputId={input.id} action="publish" />
            <HideForm inputId={input.id} number={input.number} />
          </QueueCard>
        ))}
      </QueueSection>

      <QueueSection id="reported" title={t('reportedTitle', { count: queue.reported.length })} empty={t('none')}>
        {queue.reported.map((input) => (
          <QueueCard key={input.id} input={input}>
            <div>
              <p className="font-medium">{t('reportCount', { count: input.reportCount })}</p>
              <ul className="list-disc pl-6">
                {input.reports.map((report, index) => (
                  <li key={index}>
                    {t(`hideReason.${report.reason}`)}
                    {report.note && <>: {report.note}</>}
                  </li>
                ))}
              </ul>
            </div>
            {input.status === 'published' && <ModerationButton inputId={input.id} action="dismiss_reports" />}
            {input.status === 'pending' && <ModerationButton inputId={input.id} action="publish" />}
            <HideForm inputId={input.id} number={input.number} />
          </QueueCard>
        ))}
      </QueueSection>

      <QueueSection id="hidden" title={t('hiddenTitle', { count: queue.recentlyHidden.length })} empty={t('none')}>
        {queue.recentlyHidden.map((input) => (
          <QueueCard key={input.id} input={input}>
            <p>
              <span className="font-medium">{t(`hideReason.${input.reason}`)}</span>: {input.note}
            </p>
            <ModerationButton inputId={input.id} action="restore" />
          </QueueCard>
        ))}
      </QueueSection>
    </div>
  );
}

function QueueSection({ id, title, empty, children }: { id: string; title: string; empty: string; children: ReactNode[] }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {title}
      </h2>
      {children.length === 0 ? <p>{empty}</p> : <ul className="space-y-4">{children}</ul>}
    </section>
  );
}

async function QueueCard({ input, children }: { input: QueueInput; children: ReactNode }) {
  const t = await getTranslations('moderation');
  const ti = await getTranslations('inputs');
  const format = await getFormatter();
  return (
    <li className="card space-y-2" id={`queue-${input.number}`}>
      <p className="text-sm">
        <Link href={`/consultations/${input.consultation.id}`}>{t('inConsultation', { consultation: input.consultation.title })}</Link> · #{input.number} ·{' '}
        {input.kind ? ti(`kind.${input.kind}`) : ti('replies', { count: 1 })} · {format.dateTime(input.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        {input.author.name ? <> · {input.author.name}</> : input.author.isFormerParticipant && <> · {ti('byFormerParticipantShort')}</>}
      </p>
      {input.title && <h3 className="text-lg font-semibold">{input.title}</h3>}
      <p className="max-w-3xl whitespace-pre-line break-words">{input.body}</p>
      <div className="flex flex-wrap items-start gap-4">{children}</div>
    </li>
  );
}
