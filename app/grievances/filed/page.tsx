// The receipt, right after filing: the reference and the access key, shown once. They
// come from a cookie only this page receives (follow-cookie.ts), so a reload shows them
// again for a few minutes and the key never appears in an address.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { readReceipt } from '@/lib/grievances/follow-cookie';

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
  const actor = await getActor();
  const followPath = `/grievances/follow?${new URLSearchParams({ reference: receipt.reference, key: receipt.accessKey })}`;
  const casePath = `/grievances/follow/${encodeURIComponent(receipt.reference)}`;

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
              {receipt.accessKey}
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
        {isSignedIn(actor) && <p>{t.rich('filed.mine', { link: (chunks) => <Link href="/grievances/mine">{chunks}</Link> })}</p>}
        <p>{t('filed.nextSteps')}</p>
      </section>
    </div>
  );
}
