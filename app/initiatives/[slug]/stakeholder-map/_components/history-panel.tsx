'use client';
// Who changed the map and when (the attributed update log of the collaboration
// server, one line per person per minute), for those who edit the map.
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { MapHistoryEntry } from '@/lib/stakeholder-map/map-page';
import { loadMapHistoryAction } from '../actions';

export type HistoryEntry = MapHistoryEntry;

export function HistoryPanel({ initiativeId, initial }: { initiativeId: string; initial: HistoryEntry[] }) {
  const t = useTranslations('stakeholderMap');
  const format = useFormatter();
  const [entries, setEntries] = useState(initial);
  const [isPending, startTransition] = useTransition();
  const refresh = () =>
    startTransition(async () => {
      const fresh = await loadMapHistoryAction(initiativeId);
      if (fresh) setEntries(fresh);
    });
  return (
    <section aria-labelledby="history-heading" className="card space-y-2" data-testid="map-history">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t('history.title')}
      </h2>
      <p className="hint">{t('history.lead')}</p>
      {entries.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {entries.map((entry, index) => (
            <li key={`${entry.editedAt}-${index}`}>
              <time dateTime={entry.editedAt}>{format.dateTime(new Date(entry.editedAt), { dateStyle: 'medium', timeStyle: 'short' })}</time> ·{' '}
              {t('history.entry', { name: entry.userName ?? (entry.isServer ? t('history.server') : t('history.someone')), count: entry.updateCount })}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button-secondary" onClick={refresh} disabled={isPending} aria-busy={isPending}>
        {t('history.refresh')}
      </button>
    </section>
  );
}
