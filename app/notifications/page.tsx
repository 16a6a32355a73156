import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { isResponseOutcome } from '@/lib/decisions/vocabulary';
import { isGrievanceEventKind } from '@/lib/grievances/vocabulary';
import { listNotifications } from '@/lib/notifications/queries';
import { MarkAllReadForm } from './mark-all-read-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  const actor = await requirePermission('notification.read');
  const notifications = await listNotifications(await getDb(), { actor });
  const t = await getTranslations('notifications');
  const ti = await getTranslations('inputs');
  const tg = await getTranslations('grievances');
  const te = await getTranslations('notifications.email');
  const format = await getFormatter();
  const unread = notifications.filter((notification) => notification.readAt === null).length;

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{t('unread', { count: unread })}</p>
      {unread > 0 && <MarkAllReadForm />}
      {notifications.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="space-y-3">
          {notifications.map((notification) => {
            const number = notification.input?.number ?? 0;
            const consultation = notification.consultation?.title ?? '';
            const grievance = notification.kind === 'grievance_updated' ? notification.grievance : null;
            // The note of a grievance notification names the step the city took.
            const step = grievance && isGrievanceEventKind(notification.note) ? tg(`step.${notification.note}`) : '';
            // The note of a response notification names the outcome.
            const outcome = isResponseOutcome(notification.note) ? te(`outcome.${notification.note}`) : '';
            const isAboutParticipation = notification.kind === 'response_published' || notification.kind === 'response_revised' || notification.kind === 'decision_published';
            return (
              <li key={notification.id} className={`card space-y-1 ${notification.readAt ? '' : 'border-l-4 border-l-brand-600'}`}>
                <p className="text-sm text-stone-600">
                  {format.dateTime(notification.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  {notification.readAt === null && <> · <strong>{t('new')}</strong></>}
                </p>
                <p>{t(`kind.${notification.kind}`, { number, consultation, reference: grievance?.reference ?? '', step, outcome })}</p>
                {notification.reason && (
                  <p>
                    <span className="font-medium">{t('reason', { reason: ti(`hideReason.${notification.reason}`) })}</span> {notification.note}
                  </p>
                )}
                {isAboutParticipation ? (
                  <p>
                    <Link href={`/participation${notification.consultation ? `#consultation-${notification.consultation.id}` : ''}`}>{t('openParticipation')}</Link>
                  </p>
                ) : notification.consultation && notification.input && (
                  <p>
                    <Link href={`/consultations/${notification.consultation.id}#input-${notification.input.number}`}>{t('open')}</Link>
                  </p>
                )}
                {grievance && (
                  <p>
                    <Link href={`/grievances/follow/${encodeURIComponent(grievance.reference)}`}>{t('openGrievance')}</Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
