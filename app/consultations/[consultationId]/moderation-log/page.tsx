import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { findConsultation } from '@/lib/consultations/queries';
import { publicModerationLog } from '@/lib/moderation/log';
import { ConsultationHeader } from '../consultation-header';

type Props = { params: Promise<{ consultationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('moderation'))('log.title') };
}

/** Every moderation decision on this consultation: what, when, why, by which role — never the hidden text. */
export default async function ModerationLogPage({ params }: Props) {
  const db = await getDb();
  const actor = await getActor();
  const consultation = await findConsultation(db, { actor, id: (await params).consultationId });
  if (!consultation) notFound();
  const entries = await publicModerationLog(db, { actor, consultationId: consultation.id });
  const t = await getTranslations('moderation');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  return (
    <article className="space-y-6">
      <ConsultationHeader consultation={consultation} />
      <section aria-labelledby="log-heading" className="space-y-3">
        <h2 id="log-heading" className="text-2xl font-semibold">
          {t('log.title')}
        </h2>
        <p className="max-w-3xl">{t('log.intro')}</p>
        {entries.length === 0 ? (
          <p>{t('log.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">{t('log.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('log.when')}</th>
                  <th scope="col">{t('log.what')}</th>
                  <th scope="col">{t('log.input')}</th>
                  <th scope="col">{t('log.why')}</th>
                  <th scope="col">{t('log.who')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry, index) => (
                  <tr key={index} className="border-t border-stone-200 align-top">
                    <td className="py-2 pr-4">{format.dateTime(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td className="py-2 pr-4">{t(`action.${entry.action}`)}</td>
                    <td className="py-2 pr-4">{t(entry.isReply ? 'log.replyNumber' : 'log.inputNumber', { number: entry.inputNumber })}</td>
                    <td className="py-2 pr-4">
                      {entry.reason && <span className="font-medium">{t(`hideReason.${entry.reason}`)}</span>}
                      {entry.note && <span className="block whitespace-pre-line">{entry.note}</span>}
                    </td>
                    <td className="py-2 pr-4">{tRoles(entry.actorRole)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link href={`/consultations/${consultation.id}`}>{t('log.back')}</Link>
      </p>
    </article>
  );
}
