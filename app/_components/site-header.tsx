import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutEverywhereAction } from '@/app/signed-out/actions';
import { isSignedIn } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/db';
import { countOverdueCases } from '@/lib/grievances/case-queries';
import { countUnread } from '@/lib/notifications/queries';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const actor = await getActor();
  const t = await getTranslations('layout');
  const tRoles = await getTranslations('roles');
  const unread = isSignedIn(actor) ? await countUnread(await getDb(), { actor }) : 0;
  const handlesGrievances = can(actor, 'grievance.handle');
  const overdueGrievances = handlesGrievances ? await countOverdueCases(await getDb(), { actor }) : 0;
  const tCases = await getTranslations('grievanceCases');
  const tParticipation = await getTranslations('participation');

  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-800 no-underline hover:no-underline">
          {t('brand')}
        </Link>
        <nav aria-label={t('mainNavigation')}>
          <ul className="flex flex-wrap items-center gap-4">
            <li>
              <NavLink href="/" exact>
                {t('initiatives')}
              </NavLink>
            </li>
            <li>
              <NavLink href="/organizations">{t('organizations')}</NavLink>
            </li>
            <li>
              <NavLink href="/grievances" exact>
                {t('grievances')}
              </NavLink>
            </li>
            {can(actor, 'input.moderate') && (
              <li>
                <NavLink href="/moderation">{t('moderation')}</NavLink>
              </li>
            )}
            {handlesGrievances && (
              <li>
                <NavLink href="/grievances/cases">
                  {tCases('nav.link')}
                  {overdueGrievances > 0 && (
                    <span className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="overdue-grievances-count">
                      <span aria-hidden="true">{overdueGrievances}</span>
                      <span className="sr-only">{tCases('nav.overdue', { count: overdueGrievances })}</span>
                    </span>
                  )}
                </NavLink>
              </li>
            )}
            {isSignedIn(actor) && (
              <li>
                <NavLink href="/participation">{tParticipation('navLink')}</NavLink>
              </li>
            )}
            {isSignedIn(actor) && (
              <li>
                <NavLink href="/notifications">
                  {t('notifications')}
                  {unread > 0 && (
                    <span className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="unread-count">
                      <span aria-hidden="true">{unread}</span>
                      <span className="sr-only">{t('unread', { count: unread })}</span>
                    </span>
                  )}
                </NavLink>
              </li>
            )}
            {can(actor, 'admin.access') && (
              <li>
                <NavLink href="/admin">{t('admin')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          {isSignedIn(actor) ? (
            <>
              <p className="text-sm" data-testid="signed-in-user">
                {t.rich('signedInAs', {
                  name: () => (
                    <Link href="/account" title={t('account')}>
                      <strong>{actor.name}</strong>
                    </Link>
                  ),
                })}
                <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800" data-testid="signed-in-role">
                  {t('roleLabel', { role: tRoles(actor.role) })}
                </span>
              </p>
              <SignOutButton label={t('signOut')} />
              {/* A plain form: ending every session must work without JavaScript too. */}
              <form action={signOutEverywhereAction}>
                <button type="submit" className="button-secondary py-1 text-sm">
                  {t('signOutEverywhere')}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin">{t('signIn')}</Link>
              <Link href="/signup" className="button">
                {t('signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
