import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { findInitiativeBySlug } from '@/lib/initiatives/queries';
import { createConsultationAction } from '../actions';
import { ConsultationForm } from '../consultation-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('newTitle') };
}

export default async function NewConsultationPage({ searchParams }: { searchParams: Promise<{ initiative?: string | string[] }> }) {
  const actor = await requirePermission('consultation.manage');
  const slug = (await searchParams).initiative;
  const initiative = typeof slug === 'string' ? await findInitiativeBySlug(await getDb(), { actor, slug }) : null;
  if (!initiative) notFound();
  const t = await getTranslations('consultations');
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('newFor', { initiative: initiative.title })}</h1>
      <ConsultationForm action={createConsultationAction} owner={{ name: 'initiativeId', value: initiative.id }} timeZone={env().TIME_ZONE} />
    </div>
  );
}
