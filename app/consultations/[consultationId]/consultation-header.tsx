import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConsultationPhaseBadge } from '@/app/_components/consultation-phase-badge';
import type { ConsultationView } from '@/lib/consultations/queries';

/** Title, phase and planned dates, shared by the consultation's public pages. */
export async function ConsultationHeader({ consultation }: { consultation: ConsultationView }) {
  const t = await getTranslations('consultations');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <header className="space-y-3">
      <p>
        <Link href={`/initiatives/${consultation.initiative.slug}`}>← {consultation.initiative.title}</Link>
      </p>
      <h1 className="text-3xl font-bold">{consultation.title}</h1>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t('statusLabel')}</dt>
        <dd>
          <ConsultationPhaseBadge phase={consultation.phase} />
        </dd>
        <dt className="font-medium">{t('informationFrom')}</dt>
        <dd>{when(consultation.informationAt)}</dd>
        <dt className="font-medium">{t('opens')}</dt>
        <dd>{when(consultation.opensAt)}</dd>
        <dt className="font-medium">{t('closes')}</dt>
        <dd>{when(consultation.closesAt)}</dd>
      </dl>
    </header>
  );
}
