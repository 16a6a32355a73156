import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { isEditable } from '@/lib/consultations/lifecycle';
import { findConsultation } from '@/lib/consultations/queries';
import { env } from '@/lib/env';
import { instantToWallTime } from '@/lib/validation/wall-time';
import { updateConsultationAction } from '../../actions';
import { ConsultationForm } from '../../consultation-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('editTitle') };
}

export default async function EditConsultationPage({ params }: { params: Promise<{ consultationId: string }> }) {
  const actor = await requirePermission('consultation.manage');
  const consultation = await findConsultation(await getDb(), { actor, id: (await params).consultationId });
  if (!consultation) notFound();
  const t = await getTranslations('consultations');
  const timeZone = env().TIME_ZONE;
  const wall = (date: Date) => instantToWallTime(date, timeZone);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('editTitleOf', { title: consultation.title })}</h1>
      {isEditable(consultation.status) ? (
        <ConsultationForm
          action={updateConsultationAction}
          owner={{ name: 'consultationId', value: consultation.id }}
          timeZone={timeZone}
          values={{
            title: consultation.title,
            questions: consultation.questions.join('\n'),
            scope: consultation.scope,
            level: consultation.level,
            moderationMode: consultation.moderationMode,
            informationAt: wall(consultation.informationAt),
            opensAt: wall(consultation.opensAt),
            closesAt: wall(consultation.closesAt),
            informationDays: String(consultation.informationDays),
            shortInformationReason: consultation.shortInformationReason ?? '',
          }}
        />
      ) : (
        <p role="status" className="card">
          {t('notEditable')}
        </p>
      )}
    </div>
  );
}
