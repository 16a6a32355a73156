'use client';
// The panels beside the map: the starter checklist of the seed's twelve categories,
// the analysis, and who else is on the map.
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { SSC_CATEGORIES, analyseMap, type MapWarning, type StakeholderCounts } from '@/lib/stakeholder-map/analysis';
import type { StakeholderMapState } from '@/lib/stakeholder-map/model';
import type { StakeholderCategory } from '@/lib/stakeholder-map/vocabulary';
import { categoryColor } from './category-colors';
import type { Collaborator } from './use-shared-map';

/** For editors only: every entry adds a stakeholder. */
export function StarterChecklist({ counts, onAdd }: { counts: StakeholderCounts; onAdd(category: StakeholderCategory): void }) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  return (
    <section aria-labelledby="checklist-heading" className="card space-y-2">
      <h2 id="checklist-heading" className="text-lg font-semibold">
        {t('checklist.title')}
      </h2>
      <p className="hint">{t('checklist.lead')}</p>
      <ul className="space-y-2" data-testid="starter-checklist">
        {SSC_CATEGORIES.map((category) => {
          const count = counts.byCategory[category];
          return (
            <li key={category} className="flex items-start gap-2 border-l-4 pl-2" style={{ borderLeftColor: categoryColor(category) }}>
              <div className="flex-1">
                <p className="font-medium">
                  {count > 0 && <span aria-hidden="true">✓ </span>}
                  {tc(`category.${category}`)}
                  {count > 0 && <span className="text-sm font-normal"> · {t('checklist.onMap', { count })}</span>}
                </p>
                <p className="text-sm text-stone-700">{t(`checklist.description.${category}`)}</p>
              </div>
              <button type="button" className="button-secondary shrink-0" aria-label={t('checklist.addLabel', { category: tc(`category.${category}`) })} onClick={() => onAdd(category)}>
                {t('checklist.add')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CountList({ title, counts, label }: { title: string; counts: Record<string, number>; label(key: string): string }) {
  const entries = Object.entries(counts).filter(([, count]) => count > 0);
  if (entries.length === 0) return null;
  return (
    <div>
      <h4 className="font-medium">{title}</h4>
      <ul className="text-sm">
        {entries.map(([key, count]) => (
          <li key={key}>
            {label(key)}: {count}
          </li>
        ))}
      </ul>
    </div>
  );
}

function WarningText({ warning }: { warning: MapWarning }) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  const format = useFormatter();
  switch (warning.kind) {
    case 'map_empty':
      return <>{t('analysis.warning.map_empty')}</>;
    case 'affected_without_relation':
      return <>{t('analysis.warning.affected_without_relation', { names: format.list(warning.stakeholders.map((stakeholder) => stakeholder.name || t('unnamed'))) })}</>;
    case 'categories_missing':
      return <>{t('analysis.warning.categories_missing', { categories: format.list(warning.categories.map((category) => tc(`category.${category}`))) })}</>;
    case 'power_concentrated':
      return <>{t('analysis.warning.power_concentrated', { sector: tc(`sector.${warning.sector}`), share: format.number(warning.share, { style: 'percent' }) })}</>;
  }
}

export function AnalysisPanel({ state }: { state: StakeholderMapState }) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  const format = useFormatter();
  const analysis = useMemo(() => analyseMap(state), [state]);
  return (
    <section aria-labelledby="analysis-heading" className="card space-y-3" data-testid="map-analysis">
      <h2 id="analysis-heading" className="text-lg font-semibold">
        {t('analysis.title')}
      </h2>
      <div>
        <h3 className="font-semibold">{t('analysis.warnings')}</h3>
        {analysis.warnings.length === 0 ? (
          <p>{t('analysis.noWarnings')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {analysis.warnings.map((warning) => (
              <li key={warning.kind}>
                <WarningText warning={warning} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="font-semibold">{t('analysis.brokers')}</h3>
        <p className="hint">{t('analysis.brokersLead')}</p>
        {analysis.brokers.length === 0 ? (
          <p>{t('analysis.noBrokers')}</p>
        ) : (
          <ol className="list-decimal pl-5 text-sm">
            {analysis.brokers.map((broker) => (
              <li key={broker.id}>
                {t('analysis.brokerLine', { name: broker.name || t('unnamed'), betweenness: format.number(broker.betweenness, { maximumFractionDigits: 2 }), degree: broker.degree })}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="font-semibold">{t('analysis.counts')}</h3>
        <CountList title={t('analysis.byCategory')} counts={analysis.counts.byCategory} label={(key) => tc(`category.${key}` as 'category.other')} />
        <CountList title={t('analysis.byLevel')} counts={analysis.counts.byLevel} label={(key) => tc(`scale.${key}` as 'scale.local')} />
        <CountList title={t('analysis.bySector')} counts={analysis.counts.bySector} label={(key) => tc(`sector.${key}` as 'sector.public')} />
        <CountList title={t('analysis.byLfaRole')} counts={analysis.counts.byLfaRole} label={(key) => t(`lfaRole.${key}` as 'lfaRole.active')} />
        <CountList title={t('analysis.bySscRole')} counts={analysis.counts.bySscRole} label={(key) => t(`sscRole.${key}` as 'sscRole.none')} />
      </div>
    </section>
  );
}

export function PresenceList({ me, collaborators, names }: { me: { name: string; color: string } | null; collaborators: readonly Collaborator[]; names: ReadonlyMap<string, string> }) {
  const t = useTranslations('stakeholderMap');
  return (
    <section aria-labelledby="presence-heading" className="space-y-1">
      <h2 id="presence-heading" className="text-sm font-semibold">
        {t('presence.title')}
      </h2>
      <ul className="flex flex-wrap gap-2 text-sm" data-testid="presence">
        {me && (
          <li className="rounded-full px-2 py-0.5 text-white" style={{ background: me.color }}>
            {t('presence.you', { name: me.name })}
          </li>
        )}
        {collaborators.map((collaborator) => (
          <li key={collaborator.clientId} className="rounded-full px-2 py-0.5 text-white" style={{ background: collaborator.color }}>
            {collaborator.selection && names.has(collaborator.selection) ? t('presence.selected', { name: collaborator.name, stakeholder: names.get(collaborator.selection)! }) : collaborator.name}
          </li>
        ))}
      </ul>
      {collaborators.length === 0 && <p className="text-sm">{t('presence.nobody')}</p>}
    </section>
  );
}
