// What a signed-in person must still do before taking part, at the top of every page:
// confirm their e-mail address (with a button to have the link sent again) and agree to
// a changed privacy notice or terms.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isSignedIn, type Actor } from '@/lib/auth/actor';
import { ResendConfirmationForm } from './resend-confirmation-form';

export async function PendingAccountSteps({ actor }: { actor: Actor }) {
  if (!isSignedIn(actor) || !actor.pending || actor.pending.length === 0) return null;
  const t = await getTranslations('accountSteps');
  return (
    <section aria-labelledby="account-steps-heading" className="border-b border-amber-300 bg-amber-50 print:hidden">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-3">
        <h2 id="account-steps-heading" className="font-semibold">
          {t('title')}
        </h2>
        <ul className="space-y-2">
          {actor.pending.includes('verify_email') && (
            <li className="flex flex-wrap items-center gap-3">
              <span>{t('verify_email')}</span>
              <ResendConfirmationForm />
            </li>
          )}
          {actor.pending.includes('accept_terms') && (
            <li className="flex flex-wrap items-center gap-3">
              <span>{t('accept_terms')}</span>
              <Link href="/account/consent">{t('reviewTerms')}</Link>
            </li>
          )}
        </ul>
      </div>
    </section>
  );
}
