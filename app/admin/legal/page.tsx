import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { currentLegalDocuments } from '@/lib/accounts/legal-documents';
import { LEGAL_DOCUMENT_KINDS } from '@/lib/accounts/vocabulary';
import { requirePermission } from '@/lib/auth/guards';
import { LegalDocumentForm } from './legal-document-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.legal'))('title') };
}

/** Administrators publish new versions of the privacy notice and the terms. */
export default async function AdminLegalPage() {
  await requirePermission('legal.publish');
  const legal = await currentLegalDocuments(await getDb());
  const t = await getTranslations('admin.legal');
  const tLegal = await getTranslations('legal');
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{t('lead')}</p>
      {LEGAL_DOCUMENT_KINDS.map((kind) => {
        const document = legal[kind];
        return (
          <section key={kind} aria-labelledby={`${kind}-heading`} className="card space-y-3">
            <h2 id={`${kind}-heading`} className="text-xl font-semibold">
              {tLegal(`title.${kind}`)}
            </h2>
            {document && (
              <p className="hint">
                {tLegal('versionLine', { version: document.version, date: format.dateTime(document.publishedAt, { dateStyle: 'long' }) })} ·{' '}
                <Link href={kind === 'privacy_notice' ? '/privacy' : '/terms'}>{t('viewPublic')}</Link>
              </p>
            )}
            <LegalDocumentForm kind={kind} body={document?.body ?? ''} />
          </section>
        );
      })}
    </div>
  );
}
