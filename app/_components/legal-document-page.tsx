// The public page of the privacy notice or the terms: the current version, or an
// earlier one by its number, with the list of versions and what changed in each.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { currentLegalDocument, legalDocumentHistory, legalDocumentVersion } from '@/lib/accounts/legal-documents';
import { plainTextBlocks } from '@/lib/accounts/plain-text-blocks';
import type { LegalDocumentKind } from '@/lib/accounts/vocabulary';

export async function LegalDocumentPage({ kind, path, versionParam }: { kind: LegalDocumentKind; path: string; versionParam: string | string[] | undefined }) {
  const db = await getDb();
  const t = await getTranslations('legal');
  const format = await getFormatter();
  const requested = typeof versionParam === 'string' && /^\d{1,6}$/.test(versionParam) ? Number(versionParam) : null;
  const [document, history] = await Promise.all([
    requested === null ? currentLegalDocument(db, kind) : legalDocumentVersion(db, kind, requested),
    legalDocumentHistory(db, kind),
  ]);
  if (!document) notFound();
  const latest = history[0]?.version;

  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t(`title.${kind}`)}</h1>
        <p className="hint">
          {t('versionLine', { version: document.version, date: format.dateTime(document.publishedAt, { dateStyle: 'long' }) })}
        </p>
        {document.version !== latest && (
          <p role="note" className="card">
            {t.rich('olderVersion', { link: (chunks) => <Link href={path}>{chunks}</Link> })}
          </p>
        )}
      </header>
      <div className="space-y-4">
        {plainTextBlocks(document.body).map((block, index) =>
          block.kind === 'heading' ? (
            <h2 key={index} className="text-xl font-semibold">
              {block.text}
            </h2>
          ) : (
            <p key={index} className="whitespace-pre-line">
              {block.text}
            </p>
          ),
        )}
      </div>
      {history.length > 1 && (
        <section aria-labelledby="versions-heading" className="space-y-2">
          <h2 id="versions-heading" className="text-xl font-semibold">
            {t('versions')}
          </h2>
          <ol className="space-y-1">
            {history.map((version) => (
              <li key={version.version}>
                <Link href={`${path}?version=${version.version}`} aria-current={version.version === document.version ? 'page' : undefined}>
                  {t('versionLine', { version: version.version, date: format.dateTime(version.publishedAt, { dateStyle: 'long' }) })}
                </Link>
                {version.changeSummary && <span className="hint"> — {version.changeSummary}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
