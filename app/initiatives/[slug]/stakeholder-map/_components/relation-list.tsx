'use client';
// The relations of one stakeholder, each editable in place, and a form to add one.
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { Relation, Stakeholder } from '@/lib/stakeholder-map/model';
import { RELATION_KINDS, STRENGTH_MAX, type RelationKind } from '@/lib/stakeholder-map/vocabulary';
import type { MapEditing } from './use-map-editing';

const STRENGTHS = Array.from({ length: STRENGTH_MAX }, (_, index) => index + 1);

function RelationKindOptions() {
  const t = useTranslations('stakeholderMap');
  return RELATION_KINDS.map((kind) => (
    <option key={kind} value={kind}>
      {t(`relationKind.${kind}`)}
    </option>
  ));
}

function StrengthOptions() {
  const t = useTranslations('stakeholderMap');
  return STRENGTHS.map((strength) => (
    <option key={strength} value={strength}>
      {t(`strength.${strength}` as 'strength.1')}
    </option>
  ));
}

export function RelationList({ stakeholder, stakeholders, relations, editing }: { stakeholder: Stakeholder; stakeholders: readonly Stakeholder[]; relations: readonly Relation[]; editing: MapEditing }) {
  const t = useTranslations('stakeholderMap');
  const idPrefix = useId();
  const [message, setMessage] = useState<string | null>(null);
  const names = new Map(stakeholders.map((candidate) => [candidate.id, candidate.name || t('unnamed')]));
  const own = relations.filter((relation) => relation.from === stakeholder.id || relation.to === stakeholder.id);
  const others = stakeholders.filter((candidate) => candidate.id !== stakeholder.id);
  const describe = (relation: Relation) => t('relations.outgoing', { from: names.get(relation.from) ?? '', kind: t(`relationKind.${relation.kind}`), to: names.get(relation.to) ?? '' });

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const other = String(data.get('target') ?? '');
    const outgoing = data.get('direction') !== 'in';
    const result = editing.addRelation({
      from: outgoing ? stakeholder.id : other,
      to: outgoing ? other : stakeholder.id,
      kind: String(data.get('kind')) as RelationKind,
      strength: Number(data.get('strength')),
      note: String(data.get('note') ?? ''),
    });
    setMessage(result.ok ? null : t(`validation.${result.code}` as 'validation.invalid'));
    if (result.ok) event.currentTarget.reset();
  };

  return (
    <section aria-labelledby={`${idPrefix}-relations`} className="space-y-3">
      <h3 id={`${idPrefix}-relations`} className="text-lg font-semibold">
        {t('fields.relations')}
      </h3>
      {own.length === 0 ? (
        <p>{t('relations.none')}</p>
      ) : (
        <ul className="space-y-2">
          {own.map((relation) => (
            <li key={relation.id} className="space-y-1 rounded border border-stone-300 p-2">
              <p>{describe(relation)}</p>
              {editing.readOnly ? (
                <p className="text-sm">
                  {t(`strength.${relation.strength}` as 'strength.1')}
                  {relation.note && ` · ${relation.note}`}
                </p>
              ) : (
                <fieldset className="flex flex-wrap items-end gap-2">
                  <legend className="sr-only">{t('relations.editLabel', { description: describe(relation) })}</legend>
                  <label className="text-sm">
                    <span className="block">{t('relations.kind')}</span>
                    <select className="input" value={relation.kind} onChange={(event) => editing.updateRelation(relation.id, { kind: event.target.value as RelationKind })}>
                      <RelationKindOptions />
                    </select>
                  </label>
                  <label className="text-sm">
                    <span className="block">{t('relations.strength')}</span>
                    <select className="input" value={relation.strength} onChange={(event) => editing.updateRelation(relation.id, { strength: Number(event.target.value) })}>
                      <StrengthOptions />
                    </select>
                  </label>
                  <button type="button" className="button-secondary" aria-label={t('relations.removeLabel', { description: describe(relation) })} onClick={() => editing.removeRelation(relation.id)}>
                    {t('relations.remove')}
                  </button>
                </fieldset>
              )}
            </li>
          ))}
        </ul>
      )}
      {!editing.readOnly &&
        (others.length === 0 ? (
          <p>{t('relations.noOthers')}</p>
        ) : (
          <form onSubmit={onAdd} className="space-y-2 rounded border border-stone-300 p-2" aria-labelledby={`${idPrefix}-add`}>
            <h4 id={`${idPrefix}-add`} className="font-semibold">
              {t('relations.add')}
            </h4>
            <fieldset>
              <legend className="label">{t('relations.direction')}</legend>
              <label className="mr-4">
                <input type="radio" name="direction" value="out" defaultChecked /> {t('relations.fromHere', { name: stakeholder.name || t('unnamed') })}
              </label>
              <label>
                <input type="radio" name="direction" value="in" /> {t('relations.toHere', { name: stakeholder.name || t('unnamed') })}
              </label>
            </fieldset>
            <div className="grid gap-2 sm:grid-cols-3">
              <label className="text-sm">
                <span className="label block">{t('relations.target')}</span>
                <select name="target" className="input" required>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name || t('unnamed')}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="label block">{t('relations.kind')}</span>
                <select name="kind" className="input" defaultValue="collaborates_with">
                  <RelationKindOptions />
                </select>
              </label>
              <label className="text-sm">
                <span className="label block">{t('relations.strength')}</span>
                <select name="strength" className="input" defaultValue="2">
                  <StrengthOptions />
                </select>
              </label>
            </div>
            <label className="block text-sm">
              <span className="label block">{t('relations.note')}</span>
              <input name="note" className="input" maxLength={2000} />
            </label>
            <button type="submit" className="button">
              {t('relations.add')}
            </button>
            {message && (
              <p role="alert" className="field-error">
                {message}
              </p>
            )}
          </form>
        ))}
    </section>
  );
}
