import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { listInitiatives } from '@/lib/initiatives/queries';
import { InitiativeStatusBadge } from './_components/initiative-status-badge';

export default async function HomePage() {
  const actor = await getActor();
  const initiatives = await listInitiatives(await getDb(), { actor });
  const t = await getTranslations('home');
  const tInitiatives = await getTranslations('initiatives');
  const format = await getFormatter();

  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="max-w-3xl text-lg">{t('lead')}</p>
        {!isSignedIn(actor) && <p>{t('joinCta')}</p>}
      </section>

      <section aria-labelledby="initiatives-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="initiatives-heading" className="text-2xl font-semibold">
            {t('initiativesHeading')}
          </h2>
          {can(actor, 'initiative.create') && (
            <Link href="/initiatives/new" className="button">
              {t('newInitiative')}
            </Link>
          )}
        </div>
        {initiatives.length === 0 ? (
          <p>{t('noInitiatives')}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {initiatives.map((initiative) => (
              <li key={initiative.id} className="card space-y-2">
                <h3 className="text-xl font-semibold">
                  <Link href={`/initiatives/${initiative.slug}`}>{initiative.title}</Link>
                </h3>
                <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
                  <InitiativeStatusBadge status={initiative.status} />
                  <span>{initiative.responsibleUnit}</span>
                </p>
                <p className="line-clamp-3">{initiative.summary}</p>
                <p className="text-sm text-stone-600">
                  {tInitiatives('updated', { date: format.dateTime(initiative.updatedAt, { dateStyle: 'long' }) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
