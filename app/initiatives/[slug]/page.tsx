import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { InitiativeStatusBadge } from '@/app/_components/initiative-status-badge';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { findInitiativeBySlug } from '@/lib/initiatives/queries';

type Props = { params: Promise<{ slug: string }> };

async function loadInitiative(slug: string) {
  return findInitiativeBySlug(await getDb(), { actor: await getActor(), slug });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const initiative = await loadInitiative((await params).slug);
  return initiative ? { title: initiative.title, description: initiative.summary.slice(0, 160) } : {};
}

export default async function InitiativePage({ params }: Props) {
  const actor = await getActor();
  const initiative = await loadInitiative((await params).slug);
  if (!initiative) notFound();
  const t = await getTranslations('initiatives');
  const format = await getFormatter();

  return (
    <article className="space-y-6">
      <p>
        <Link href="/">← {t('back')}</Link>
      </p>
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{initiative.title}</h1>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t('statusLabel')}</dt>
          <dd>
            <InitiativeStatusBadge status={initiative.status} />
          </dd>
          <dt className="font-medium">{t('responsibleUnit')}</dt>
          <dd>{initiative.responsibleUnit}</dd>
        </dl>
        <p className="text-sm text-stone-600">
          {t('created', { date: format.dateTime(initiative.createdAt, { dateStyle: 'long' }) })} ·{' '}
          {t('updated', { date: format.dateTime(initiative.updatedAt, { dateStyle: 'long' }) })}
        </p>
      </header>
      <div className="max-w-3xl text-lg whitespace-pre-line">{initiative.summary}</div>
      {can(actor, 'initiative.update') && (
        <p>
          <Link href={`/initiatives/${initiative.slug}/edit`} className="button-secondary">
            {t('edit')}
          </Link>
        </p>
      )}
    </article>
  );
}
