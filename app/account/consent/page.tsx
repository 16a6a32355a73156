import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { currentLegalDocuments } from '@/lib/accounts/legal-documents';
import { requirePermission } from '@/lib/auth/guards';
import { LEGAL_DOCUMENT_KINDS } from '@/lib/accounts/vocabulary';
import { ConsentForm } from './consent-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consent'))('title') };
}

/** Where a person agrees to the current privacy notice and terms, after a new version. */
export default async function ConsentPage() {
  const actor = await requirePermission('account.manageOwn');
  const legal = await currentLegalDocuments(await getDb());
  const t = await getTranslations('consent');
  const tLegal = await getTranslations('legal');
  const format = await getFormatter();
  const outstanding = actor.kind === 'user' && (actor.pending ?? []).includes('accept_terms');
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{outstanding ? t('leadChanged') : t('leadCurrent')}</p>
      <ul className="space-y-2">
        {LEGAL_DOCUMENT_KINDS.map((kind) => {
          const document = legal[kind];
          if (!document) return null;
          return (
            <li key={kind} className="card space-y-1">
              <Link href={kind === 'privacy_notice' ? '/privacy' : '/terms'} className="font-semibold">
                {tLegal(`title.${kind}`)}
              </Link>
              <p className="hint">{tLegal('versionLine', { version: document.version, date: format.dateTime(document.publishedAt, { dateStyle: 'long' }) })}</p>
              {document.changeSummary && <p>{t('whatChanged', { summary: document.changeSummary })}</p>}
            </li>
          );
        })}
      </ul>
      {outstanding && <ConsentForm versions={{ privacyNotice: legal.privacy_notice?.version ?? 0, terms: legal.terms?.version ?? 0 }} />}
    </div>
  );
}
