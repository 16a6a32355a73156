import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isSignedIn, shownName } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { loadMapPage } from '@/lib/stakeholder-map/map-page';
import { MAP_VIEWS, type MapView } from '@/lib/stakeholder-map/vocabulary';
import { MapWorkspace } from './_components/map-workspace';
import { InviteOrganizationForm, WithdrawInvitationForm } from './invitation-forms';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ view?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('stakeholderMap');
  return { title: t('title'), description: t('metaDescription') };
}

export default async function StakeholderMapPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { view } = await searchParams;
  const actor = await getActor();
  const page = await loadMapPage(await getDb(), { actor, slug });
  if (!page) notFound();
  const t = await getTranslations('stakeholderMap');
  const format = await getFormatter();
  const { initiative, invitations } = page;
  const initialView: MapView = MAP_VIEWS.includes(view as MapView) ? (view as MapView) : 'network';
  const invitedIds = new Set(invitations?.map((invitation) => invitation.organizationId));

  return (
    <article className="space-y-6">
      <p>
        <Link href={`/initiatives/${initiative.slug}`}>← {t('back')}</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">
          {t('title')}: {initiative.title}
        </h1>
        <p className="max-w-3xl">{t('lead')}</p>
      </header>
      {/* The map needs more room than a page of text: it spans the window, up to 96rem. */}
      <div className="relative left-1/2 w-[min(calc(100vw-2rem),96rem)] -translate-x-1/2">
        <MapWorkspace
          initiativeId={initiative.id}
          slug={initiative.slug}
          mapDocument={page.mapDocument}
          contactsDocument={page.contactsDocument}
          initialMap={page.mapState}
          initialContacts={page.contactsState}
          access={page.access}
          user={isSignedIn(actor) ? { id: actor.id, name: shownName(actor) } : null}
          organizations={page.organizations}
          initialView={initialView}
          history={page.history}
          maxDocumentBytes={env().COLLAB_MAX_DOCUMENT_BYTES}
        />
      </div>
      {invitations && (
        <section aria-labelledby="invitations-heading" className="card max-w-3xl space-y-3">
          <h2 id="invitations-heading" className="text-xl font-semibold">
            {t('invitations.title')}
          </h2>
          <p>{t('invitations.lead')}</p>
          {invitations.length === 0 ? (
            <p>{t('invitations.none')}</p>
          ) : (
            <ul className="space-y-1" data-testid="map-invitations">
              {invitations.map((invitation) => (
                <li key={invitation.organizationId} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{invitation.organizationName}</span>
                  <span className="text-sm text-stone-600">{t('invitations.since', { date: format.dateTime(invitation.invitedAt, { dateStyle: 'medium' }) })}</span>
                  <WithdrawInvitationForm initiative={initiative} organization={{ id: invitation.organizationId, name: invitation.organizationName }} />
                </li>
              ))}
            </ul>
          )}
          <InviteOrganizationForm initiative={initiative} candidates={page.organizations.filter((organization) => !invitedIds.has(organization.id))} />
        </section>
      )}
    </article>
  );
}
