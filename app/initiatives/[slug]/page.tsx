import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ConsultationPhaseBadge } from '@/app/_components/consultation-phase-badge';
import { InitiativeStatusBadge } from '@/app/_components/initiative-status-badge';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { listInitiativeConsultations } from '@/lib/consultations/queries';
import { findInitiativeBySlug } from '@/lib/initiatives/queries';
import { InitiativeGrievances } from './initiative-grievances';

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
  const tc = await getTranslations('consultations');
  const tm = await getTranslations('stakeholderMap');
  const format = await getFormatter();
  const consultations = await listInitiativeConsultations(await getDb(), { actor, initiativeId: initiative.id });
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' });

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
      {can(actor, 'stakeholderMap.view', { status: initiative.status }) && (
        <p>
          <Link href={`/initiatives/${initiative.slug}/stakeholder-map`} className="font-semibold">
            {tm('linkFromInitiative')}
          </Link>{' '}
          <span className="text-stone-600">— {tm('linkFromInitiativeHint')}</span>
        </p>
      )}
      <section aria-labelledby="consultations-heading" className="space-y-3">
        <h2 id="consultations-heading" className="text-2xl font-semibold">
          {tc('listTitle')}
        </h2>
        {consultations.length === 0 ? (
          <p>{tc('listEmpty')}</p>
        ) : (
          <ul className="space-y-3">
            {consultations.map((consultation) => (
              <li key={consultation.id} className="card space-y-1">
                <h3 className="text-lg font-semibold">
                  <Link href={`/consultations/${consultation.id}`}>{consultation.title}</Link>
                </h3>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <ConsultationPhaseBadge phase={consultation.phase} />
                  <span>{tc(`level.${consultation.level}.name`)}</span>
                  <span>· {tc('dateRange', { opens: date(consultation.opensAt), closes: date(consultation.closesAt) })}</span>
                  <span>· {tc('inputCount', { count: consultation.publishedInputs })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        {can(actor, 'consultation.manage') && (
          <p>
            <Link href={`/consultations/new?initiative=${initiative.slug}`} className="button-secondary">
              {tc('new')}
            </Link>
          </p>
        )}
      </section>
      <InitiativeGrievances initiative={initiative} />
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
