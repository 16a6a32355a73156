import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { findInitiativeBySlug } from '@/lib/initiatives/queries';
import { updateInitiativeAction } from '../../actions';
import { InitiativeForm } from '../../initiative-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('initiatives'))('edit') };
}

export default async function EditInitiativePage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePermission('initiative.update');
  const initiative = await findInitiativeBySlug(await getDb(), { actor, slug: (await params).slug });
  if (!initiative) notFound();
  const t = await getTranslations('initiatives');
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('editTitle', { title: initiative.title })}</h1>
      <InitiativeForm action={updateInitiativeAction} initiative={initiative} />
    </div>
  );
}
