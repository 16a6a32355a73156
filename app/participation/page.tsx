// "My participation": every input the signed-in person gave (also input staff recorded
// for them and linked to their account), grouped by consultation, with where moderation
// left it and what the city answered. Notifications of answers link to the sections here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConsultationPhaseBadge } from '@/app/_components/consultation-phase-badge';
import { formatCalendarDay } from '@/app/_components/calendar-day';
import { ResponseSummary } from '@/app/_components/response-summary';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { hasEnded } from '@/lib/consultations/lifecycle';
import { listMyParticipation, type MyConsultation, type MyInput } from '@/lib/decisions/my-participation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('participation'))('title') };
}

export default async function MyParticipationPage() {
  const actor = await requirePermission('participation.view');
  const consultations = await listMyParticipation(await getDb(), { actor });
  const t = await getTranslations('participation');

  return (
    <div className="space-y-8">
      <header className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p>{t('lead')}</p>
      </header>
      {consultations.length === 0 ? (
        <div className="card max-w-3xl space-y-2">
          <p>{t('empty')}</p>
          <p>
            <Link href="/">{t('emptyLink')}</Link>
          </p>
        </div>
      ) : (
        consultations.map((consultation) => <ConsultationEntry key={consultation.id} consultation={consultation} />)
      )}
    </div>
  );
}

async function ConsultationEntry({ consultation }: { consultation: MyConsultation }) {
  const t = await getTranslations('participation');
  const format = await getFormatter();
  const base = `/consultations/${consultation.id}`;
  const headingId = `consultation-${consultation.id}-heading`;
  return (
    <section id={`consultation-${consultation.id}`} aria-labelledby={headingId} className="scroll-mt-4 space-y-4">
      <div className="space-y-1">
        <h2 id={headingId} className="text-2xl font-semibold">
          <Link href={base}>{consultation.title}</Link>
        </h2>
        <p className="flex flex-wrap items-center gap-2">
          {t('phase')} <ConsultationPhaseBadge phase={consultation.phase} />
        </p>
      </div>
      <ol className="space-y-4" aria-label={t('inputsLabel', { count: consultation.inputs.length })}>
        {consultation.inputs.map((input) => (
          <li key={input.id} className="card space-y-3">
            <InputEntry input={input} consultation={consultation} />
          </li>
        ))}
      </ol>
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t('decisionsHeading')}</h3>
        {consultation.decisions.length === 0 ? (
          <p>{hasEnded(consultation.phase) ? t('noDecisionYet') : t('noDecisionWhileOpen')}</p>
        ) : (
          <ul className="space-y-1">
            {consultation.decisions.map((decision) => (
              <li key={decision.id}>
                <Link href={`${base}/decisions/${decision.id}`}>{decision.title}</Link> <span className="text-sm text-stone-600">{t('decidedOn', { date: formatCalendarDay(format, decision.decidedOn) })}</span>
              </li>
            ))}
          </ul>
        )}
        {hasEnded(consultation.phase) && (
          <p>
            <Link href={`${base}/report`}>{t('reportLink')}</Link>
          </p>
        )}
      </div>
    </section>
  );
}

async function InputEntry({ input, consultation }: { input: MyInput; consultation: MyConsultation }) {
  const t = await getTranslations('participation');
  const ti = await getTranslations('inputs');
  const format = await getFormatter();
  const isPublished = input.status === 'published';
  return (
    <>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium">{ti(`kind.${input.kind}`)}</span>
        <span>#{input.number}</span>
        <span>{t('givenOn', { date: format.dateTime(input.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}</span>
      </p>
      <h3 className="text-lg font-semibold">{isPublished ? <Link href={`/consultations/${consultation.id}#input-${input.number}`}>{input.title}</Link> : input.title}</h3>
      {(input.organizationName !== null || input.channel !== 'online') && (
        <ul className="text-sm text-stone-600">
          {input.organizationName !== null && <li>{t('onBehalfOf', { organization: input.organizationName })}</li>}
          {input.channel !== 'online' && <li>{t('recordedForYou', { channel: ti(`channel.${input.channel}`) })}</li>}
        </ul>
      )}
      <p>
        <span className="font-medium">{t('moderation')}</span>{' '}
        <span className={input.status === 'hidden' ? 'font-medium text-red-800' : input.status === 'pending' ? 'font-medium text-amber-900' : ''}>{ti(`status.${input.status}`)}</span>
        {input.status === 'pending' && <> — {t('pendingHint')}</>}
      </p>
      {input.status === 'hidden' && input.hidden && (
        <p className="max-w-3xl rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {ti('hiddenBecause', { reason: ti(`hideReason.${input.hidden.reason}`) })} {input.hidden.note}
        </p>
      )}
      {input.response ? (
        <div className="max-w-3xl space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3">
          <h4 className="font-semibold">{t('responseHeading')}</h4>
          <ResponseSummary
            outcome={input.response.outcome}
            explanation={input.response.explanation}
            revision={input.response.revision}
            updatedAt={input.response.updatedAt}
            viaTheme={input.response.viaTheme ? input.theme : null}
            earlier={input.response.earlier}
          />
          {input.response.decisions.length > 0 && (
            <div>
              <p className="font-medium">{t('tiedTo', { count: input.response.decisions.length })}</p>
              <ul className="list-disc pl-5">
                {input.response.decisions.map((decision) => (
                  <li key={decision.id}>
                    <Link href={`/consultations/${consultation.id}/decisions/${decision.id}`}>{decision.title}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      ) : (
        isPublished && <p className="hint">{hasEnded(consultation.phase) ? t('noResponseYet') : t('answeredAfterClosing')}</p>
      )}
    </>
  );
}
