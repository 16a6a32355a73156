'use client';
// The summary table of Appendix I: every stakeholder with its category, scale and
// sector, roles, power and interest, and the analysis texts. Sortable and filterable,
// and the way to do everything the graph does with the keyboard alone: each row opens
// the stakeholder's form.
import { useLocale, useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { ANALYSIS_FIELDS, type Relation, type Stakeholder } from '@/lib/stakeholder-map/model';
import { LFA_ROLES, STAKEHOLDER_CATEGORIES } from '@/lib/stakeholder-map/vocabulary';

type SortColumn = 'name' | 'category' | 'lfaRole' | 'power' | 'interest' | 'relations';

interface TableViewProps {
  stakeholders: readonly Stakeholder[];
  relations: readonly Relation[];
  readOnly: boolean;
  selectedId: string | null;
  onOpen(id: string): void;
}

export function TableView({ stakeholders, relations, readOnly, selectedId, onOpen }: TableViewProps) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  const locale = useLocale();
  const idPrefix = useId();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [role, setRole] = useState('');
  const [sort, setSort] = useState<{ column: SortColumn; descending: boolean }>({ column: 'name', descending: false });

  const relationCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const relation of relations) {
      counts.set(relation.from, (counts.get(relation.from) ?? 0) + 1);
      counts.set(relation.to, (counts.get(relation.to) ?? 0) + 1);
    }
    return counts;
  }, [relations]);

  const rows = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase(locale);
    const collator = new Intl.Collator(locale);
    const value = (stakeholder: Stakeholder): string | number => {
      switch (sort.column) {
        case 'name':
          return stakeholder.name;
        case 'category':
          return tc(`category.${stakeholder.category}`);
        case 'lfaRole':
          return t(`lfaRole.${stakeholder.lfaRole}`);
        case 'relations':
          return relationCounts.get(stakeholder.id) ?? 0;
        default:
          return stakeholder[sort.column];
      }
    };
    return stakeholders
      .filter((stakeholder) => !needle || stakeholder.name.toLocaleLowerCase(locale).includes(needle))
      .filter((stakeholder) => !category || stakeholder.category === category)
      .filter((stakeholder) => !role || stakeholder.lfaRole === role)
      .toSorted((a, b) => {
        const [left, right] = [value(a), value(b)];
        const order = typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right));
        return (sort.descending ? -order : order) || collator.compare(a.name, b.name);
      });
  }, [stakeholders, search, category, role, sort, locale, relationCounts, t, tc]);

  const header = (column: SortColumn, label: string) => {
    const isSorted = sort.column === column;
    return (
      <th scope="col" aria-sort={isSorted ? (sort.descending ? 'descending' : 'ascending') : 'none'} className="px-2 py-1 text-left align-bottom">
        <button
          type="button"
          className="font-semibold underline decoration-dotted"
          aria-label={t('table.sortBy', { column: label })}
          onClick={() => setSort({ column, descending: isSorted ? !sort.descending : false })}
        >
          {label} {isSorted ? (sort.descending ? '▼' : '▲') : ''}
        </button>
      </th>
    );
  };

  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">{t('table.filter')}</legend>
        <label className="text-sm">
          <span className="label block">{t('table.search')}</span>
          <input type="search" className="input" value={search} onChange={(event) => setSearch(event.target.value)} id={`${idPrefix}-search`} />
        </label>
        <label className="text-sm">
          <span className="label block">{t('fields.category')}</span>
          <select className="input" value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('table.allCategories')}</option>
            {STAKEHOLDER_CATEGORIES.map((key) => (
              <option key={key} value={key}>
                {tc(`category.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="label block">{t('fields.lfaRole')}</span>
          <select className="input" value={role} onChange={(event) => setRole(event.target.value)}>
            <option value="">{t('table.allRoles')}</option>
            {LFA_ROLES.map((key) => (
              <option key={key} value={key}>
                {t(`lfaRole.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <p role="status" className="text-sm">
          {t('table.count', { shown: rows.length, total: stakeholders.length })}
        </p>
      </fieldset>
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm" data-testid="stakeholder-table">
          <caption className="mb-2 text-left font-semibold">{t('table.caption')}</caption>
          <thead>
            <tr className="border-b border-stone-400">
              {header('name', t('fields.name'))}
              {header('category', t('fields.category'))}
              <th scope="col" className="px-2 py-1 text-left align-bottom">
                {t('fields.levelSector')}
              </th>
              {header('lfaRole', t('fields.lfaRole'))}
              <th scope="col" className="px-2 py-1 text-left align-bottom">
                {t('fields.sscRole')}
              </th>
              {header('power', t('fields.power'))}
              {header('interest', t('fields.interest'))}
              {header('relations', t('table.relationCount'))}
              {ANALYSIS_FIELDS.map((field) => (
                <th key={field} scope="col" className="min-w-48 px-2 py-1 text-left align-bottom">
                  {t(`fields.${field}`)}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-left align-bottom">
                {t('table.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((stakeholder) => {
              const name = stakeholder.name || t('unnamed');
              return (
                <tr key={stakeholder.id} className={`border-b border-stone-200 align-top ${selectedId === stakeholder.id ? 'bg-amber-50' : ''}`}>
                  <th scope="row" className="px-2 py-1 text-left font-semibold">
                    {name}
                  </th>
                  <td className="px-2 py-1">{tc(`category.${stakeholder.category}`)}</td>
                  <td className="px-2 py-1">
                    {tc(`scale.${stakeholder.level}`)} · {tc(`sector.${stakeholder.sector}`)}
                  </td>
                  <td className="px-2 py-1">{t(`lfaRole.${stakeholder.lfaRole}`)}</td>
                  <td className="px-2 py-1">{t(`sscRole.${stakeholder.sscRole ?? 'none'}`)}</td>
                  <td className="px-2 py-1 text-right">{stakeholder.power}</td>
                  <td className="px-2 py-1 text-right">{stakeholder.interest}</td>
                  <td className="px-2 py-1 text-right">{relationCounts.get(stakeholder.id) ?? 0}</td>
                  {ANALYSIS_FIELDS.map((field) => (
                    <td key={field} className="px-2 py-1 whitespace-pre-line">
                      {stakeholder[field]}
                    </td>
                  ))}
                  <td className="px-2 py-1">
                    <button type="button" className="button-secondary" aria-label={readOnly ? t('table.viewLabel', { name }) : t('table.editLabel', { name })} onClick={() => onOpen(stakeholder.id)}>
                      {readOnly ? t('table.view') : t('table.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
