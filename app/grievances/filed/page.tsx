// The receipt, right after filing: the reference and the access key. A cookie only this
// page receives names the case for a few minutes (follow-cookie.ts); the access key is
// made and shown on the page's first display alone (receipt.ts), so a reload shows the
// reference, says the key was shown once, and what to do without it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { readReceipt } from '@/lib/grievances/follow-cookie';
import { claimAccessKey } from '@/lib/grievances/receipt';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievances'))('filed.title'), robots: { index: false, follow: false } };
}

function siteOrigin(): string {
  return (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export default async function GrievanceFiledPage() {
  const t = await getTranslations('grievances');
  const receipt = await readReceipt();
  if (!receipt) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t('filed.gone')}</h1>
        <p>{t('filed.goneText')}</p>
        <p>
          <Link href="/grievances/follow" className="button">
            {t('filed.goneLink')}
          </Link>
        </p>
      </div>
    );
  }
  const accessKey = await claimAccessKey(await getDb(), receipt);
  const actor = await getActor();
  const casePath = `/grievances/follow/${encodeURIComponent(receipt.reference)}`;
  const mine = isSignedIn(actor) && <p>{t.rich('filed.mine', { link: (chunks) => <Link href="/grievances/mine">{chunks}</Link> })}</p>;

  if (accessKey === null) {
    return (
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-bold">{t('filed.title')}</h1>
        <section aria-labelledby="reference-heading" className="card space-y-3">
          <h2 id="reference-heading" className="text-xl font-semibold">
            {t('filed.reference')}
          </h2>
          <p className="font-mono text-2xl font-bold tracking-wider" data-testid="grievance-reference">
            {receipt.reference}
          </p>
          <p className="hint">{t('filed.referenceHint')}</p>
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" data-testid="access-key-shown-once">
            {t('filed.keyShownOnce')}
          </p>
        </section>
        <section className="space-y-3">
          <p>{t.rich('filed.followWithCodes', { link: (chunks) => <Link href="/grievances/follow">{chunks}</Link> })}</p>
          <p>{t('filed.thisBrowserStill')}</p>
          <p>
            <Link href={casePath} className="button">
              {t('filed.openNow')}
            </Link>
          </p>
          {mine}
        </section>
        <section aria-labelledby="lost-key-heading" className="space-y-2">
          <h2 id="lost-key-heading" className="text-xl font-semibold">
            {t('filed.lostKeyTitle')}
          </h2>
          <p>{t.rich('filed.lostKey', { link: (chunks) => <Link href="/grievances">{chunks}</Link> })}</p>
        </section>
      </div>
    );
  }

  const followPath = `/grievances/follow?${new URLSearchParams({ reference: receipt.reference, key: accessKey })}`;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t('filed.title')}</h1>

      <section aria-labelledby="codes-heading" className="card space-y-4 border-2 border-brand-600">
        <h2 id="codes-heading" className="text-xl font-semibold">
          {t('filed.keepCodes')}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <dt className="font-medium">{t('filed.reference')}</dt>
            <dd className="font-mono text-2xl font-bold tracking-wider" data-testid="grievance-reference">
              {receipt.reference}
            </dd>
            <dd className="hint">{t('filed.referenceHint')}</dd>
          </div>
          <div className="space-y-1">
            <dt className="font-medium">{t('filed.accessKey')}</dt>
            <dd className="font-mono text-2xl font-bold tracking-wider break-all" data-testid="grievance-access-key">
              {accessKey}
            </dd>
            <dd className="hint">{t('filed.accessKeyHint')}</dd>
          </div>
        </dl>
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          {t('filed.keepPrivate')}
        </p>
        <p>{t('filed.writeDown')}</p>
        <div className="space-y-1">
          <p>{t('filed.followLink')}</p>
          <p className="font-mono text-sm break-all">
            <a href={followPath} rel="noreferrer">
              {`${siteOrigin()}${followPath}`}
            </a>
          </p>
        </div>
      </section>

      <section className="space-y-3">
        <p>
          <Link href={casePath} className="button">
            {t('filed.openNow')}
          </Link>
        </p>
        <p>{t('filed.thisBrowser')}</p>
        {mine}
        <p>{t('filed.nextSteps')}</p>
      </section>
    </div>
  );
}
