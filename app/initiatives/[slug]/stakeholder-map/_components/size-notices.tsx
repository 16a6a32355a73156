'use client';
// What the map page says about the collaboration server's limits: a warning while the
// map nears its size limit, and why a change of this person was refused.
import { useFormatter, useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import { NEAR_FULL_PERCENT, type UpdateRefusal } from '@/lib/collab/document-limits';
import { useDocumentFullness } from './use-shared-map';

function useSizeLimit(maxBytes: number): string {
  const format = useFormatter();
  return format.number(maxBytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

/** Shown to editors from NEAR_FULL_PERCENT of the limit on; `initialState` is what the page was rendered with (base64). */
export function SizeWarning({ doc, maxBytes, initialState }: { doc: Y.Doc; maxBytes: number; initialState: string | null }) {
  const t = useTranslations('stakeholderMap.limits');
  const percent = useDocumentFullness(doc, maxBytes, initialState ? Math.floor((initialState.length * 3) / 4) : 0);
  const size = useSizeLimit(maxBytes);
  if (percent < NEAR_FULL_PERCENT) return null;
  return (
    <p role="status" className="card border-amber-600" data-testid="map-size-warning">
      {percent >= 100 ? t('full', { size }) : t('nearFull', { percent, size })}
    </p>
  );
}

/** The server refused a change of this page: say why, and offer the reload that brings the page back in step. */
export function RefusalNotice({ refusal, maxBytes }: { refusal: Exclude<UpdateRefusal, 'read-only'> | 'unknown'; maxBytes: number }) {
  const t = useTranslations('stakeholderMap.limits');
  const size = useSizeLimit(maxBytes);
  return (
    <div role="alert" className="card space-y-2 border-red-700" data-testid="map-refused">
      <p>{t(`refused.${refusal}`, { size })}</p>
      <p>{t('reload')}</p>
      <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
        {t('reloadButton')}
      </button>
    </div>
  );
}
