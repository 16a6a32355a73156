'use client';
// The power/interest grid: each stakeholder as a card at its power (rows) and interest
// (columns), in the four quadrants that say how to engage them. Dragging a card, or
// arrow keys on a focused card, change its power and interest for everyone.
import { useTranslations } from 'next-intl';
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { moveOnGrid, quadrantOf, type GridKey, type Quadrant } from '@/lib/stakeholder-map/grid';
import type { Stakeholder } from '@/lib/stakeholder-map/model';
import { RATING_MAX, RATING_MIN } from '@/lib/stakeholder-map/vocabulary';
import { categoryColor } from './category-colors';
import type { Collaborator } from './use-shared-map';

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => RATING_MIN + index);
const POWER_ROWS = RATINGS.toReversed();
const DRAG_TYPE = 'application/x-participa-stakeholder';

const QUADRANT_BACKGROUND: Record<Quadrant, string> = {
  manage_closely: 'bg-rose-50',
  keep_satisfied: 'bg-amber-50',
  keep_informed: 'bg-sky-50',
  monitor: 'bg-stone-50',
};

/** The cell of each quadrant that carries its name: its top-left corner. */
const QUADRANT_LABEL_CELLS: Record<string, Quadrant> = { '5:3': 'manage_closely', '5:1': 'keep_satisfied', '2:3': 'keep_informed', '2:1': 'monitor' };

interface GridViewProps {
  stakeholders: readonly Stakeholder[];
  readOnly: boolean;
  selectedId: string | null;
  collaborators: readonly Collaborator[];
  onOpen(id: string): void;
  onRate(id: string, rating: { power: number; interest: number }): void;
}

export function GridView({ stakeholders, readOnly, selectedId, collaborators, onOpen, onRate }: GridViewProps) {
  const t = useTranslations('stakeholderMap');
  const [announcement, setAnnouncement] = useState('');
  const byCell = new Map<string, Stakeholder[]>();
  for (const stakeholder of stakeholders) {
    const key = `${stakeholder.power}:${stakeholder.interest}`;
    byCell.set(key, [...(byCell.get(key) ?? []), stakeholder]);
  }

  const rate = (stakeholder: Stakeholder, rating: { power: number; interest: number }) => {
    if (rating.power === stakeholder.power && rating.interest === stakeholder.interest) return;
    onRate(stakeholder.id, rating);
    setAnnouncement(t('grid.moved', { name: stakeholder.name || t('unnamed'), ...rating }));
  };

  const onDrop = (event: DragEvent<HTMLDivElement>, rating: { power: number; interest: number }) => {
    event.preventDefault();
    const stakeholder = stakeholders.find((candidate) => candidate.id === event.dataTransfer.getData(DRAG_TYPE));
    if (stakeholder) rate(stakeholder, rating);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, stakeholder: Stakeholder) => {
    if (readOnly || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    event.preventDefault();
    rate(stakeholder, moveOnGrid(stakeholder, event.key as GridKey));
    // The card moves to another cell and remounts there; keep the keyboard on it.
    const id = stakeholder.id;
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-grid-card="${CSS.escape(id)}"]`)?.focus());
  };

  return (
    <section aria-labelledby="grid-heading" className="space-y-2">
      <h2 id="grid-heading" className="text-xl font-semibold">
        {t('grid.title')}
      </h2>
      <p className="hint">{readOnly ? t('grid.hintReadOnly') : t('grid.hint')}</p>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div className="grid grid-cols-[auto_repeat(5,minmax(0,1fr))] gap-1" data-testid="power-interest-grid">
        {POWER_ROWS.map((power) => (
          <div key={power} className="contents">
            <div className="flex items-center justify-end pr-1 text-sm font-semibold" aria-hidden="true">
              {power === RATING_MAX ? `${t('grid.axisPower')} ${power}` : power}
            </div>
            {RATINGS.map((interest) => {
              const quadrant = quadrantOf(power, interest);
              const label = QUADRANT_LABEL_CELLS[`${power}:${interest}`];
              return (
                <div
                  key={interest}
                  data-cell={`${power}:${interest}`}
                  aria-label={t('grid.cell', { power, interest })}
                  role="group"
                  className={`min-h-24 space-y-1 rounded border border-stone-200 p-1 ${QUADRANT_BACKGROUND[quadrant]}`}
                  onDragOver={readOnly ? undefined : (event) => event.preventDefault()}
                  onDrop={readOnly ? undefined : (event) => onDrop(event, { power, interest })}
                >
                  {label && <p className="text-xs font-semibold tracking-wide text-stone-700 uppercase">{t(`grid.quadrant.${label}`)}</p>}
                  {(byCell.get(`${power}:${interest}`) ?? []).map((stakeholder) => {
                    const name = stakeholder.name || t('unnamed');
                    const watcher = collaborators.find((collaborator) => collaborator.selection === stakeholder.id);
                    return (
                      <button
                        key={stakeholder.id}
                        type="button"
                        data-grid-card={stakeholder.id}
                        draggable={!readOnly}
                        onDragStart={(event) => {
                          event.dataTransfer.setData(DRAG_TYPE, stakeholder.id);
                          event.dataTransfer.effectAllowed = 'move';
                        }}
                        onClick={() => onOpen(stakeholder.id)}
                        onKeyDown={(event) => onKeyDown(event, stakeholder)}
                        aria-label={t('grid.cardLabel', { name, power, interest, quadrant: t(`grid.quadrant.${quadrant}`) })}
                        data-selected={selectedId === stakeholder.id || undefined}
                        className="block w-full rounded border-l-4 bg-white px-1 py-0.5 text-left text-xs shadow-sm data-selected:ring-2 data-selected:ring-stone-900"
                        style={{ borderLeftColor: categoryColor(stakeholder.category), outline: watcher ? `2px dashed ${watcher.color}` : undefined }}
                      >
                        {name}
                      </button>
                    );
                  })}
                </div>
              );
            })}
          </div>
        ))}
        <div />
        {RATINGS.map((interest) => (
          <div key={interest} className="text-center text-sm font-semibold" aria-hidden="true">
            {interest === RATING_MAX ? `${interest} ${t('grid.axisInterest')}` : interest}
          </div>
        ))}
      </div>
    </section>
  );
}
