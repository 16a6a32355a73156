import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guards';
import { createInitiativeAction } from '../actions';
import { InitiativeForm } from '../initiative-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('initiatives'))('newTitle') };
}

export default async function NewInitiativePage() {
  await requirePermission('initiative.create');
  const t = await getTranslations('initiatives');
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('newTitle')}</h1>
      <InitiativeForm action={createInitiativeAction} />
    </div>
  );
}
