import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { channelForInitiative } from '@/lib/grievances/channels';

/** How to file a grievance about the initiative: its own channel, or else the city-wide one. */
export async function InitiativeGrievances({ initiative }: { initiative: { id: string; slug: string } }) {
  const actor = await getActor();
  const t = await getTranslations('grievanceChannels');
  const ti = await getTranslations('grievanceChannels.initiativeSection');
  const found = await channelForInitiative(await getDb(), { initiativeId: initiative.id });
  const canSetUp = can(actor, 'grievance.manageChannels') && !found?.isOwn;

  return (
    <section aria-labelledby="grievances-heading" className="space-y-3">
      <h2 id="grievances-heading" className="text-2xl font-semibold">
        {ti('heading')}
      </h2>
      {found ? (
        <>
          <p className="max-w-3xl">{found.isOwn ? ti('own') : ti('cityWide')}</p>
          <p className="flex flex-wrap items-center gap-4">
            <Link href={`/grievances/channels/${found.channel.id}/file`} className="button-secondary">
              {t('fileLink')}
            </Link>
            <Link href={`/grievances/channels/${found.channel.id}`}>{t('procedureLinkNamed', { name: found.channel.name })}</Link>
          </p>
        </>
      ) : (
        <p>{ti('none')}</p>
      )}
      {canSetUp && (
        <p>
          <Link href={`/grievances/channels/new?initiative=${initiative.slug}`}>{ti('setUp')}</Link>
        </p>
      )}
    </section>
  );
}
