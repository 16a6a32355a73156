'use client';
// The side panel where one stakeholder is read, edited, or created, with its relations.
// It is an ordinary form with labelled fields, so everything the graph and the grid do
// can be done here with the keyboard alone.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ANALYSIS_FIELDS, LONG_TEXT_MAX, NAME_MAX, CONTACT_MAX, stakeholderFieldsSchema, type Relation, type Stakeholder, type StakeholderFields, type StakeholderPatch } from '@/lib/stakeholder-map/model';
import { LEVELS, LFA_ROLES, SECTORS, SSC_ROLES, STAKEHOLDER_CATEGORIES, STAKEHOLDER_KINDS } from '@/lib/stakeholder-map/vocabulary';
import { RelationList } from './relation-list';
import type { MapEditing } from './use-map-editing';

export interface OrganizationOption {
  id: string;
  name: string;
}

interface EditorProps {
  /** The stakeholder shown, or the starting values of a new one. */
  subject: { kind: 'existing'; stakeholder: Stakeholder } | { kind: 'new'; fields: StakeholderFields };
  stakeholders: readonly Stakeholder[];
  relations: readonly Relation[];
  editing: MapEditing;
  organizations: readonly OrganizationOption[];
  /** Contact details, for staff only; undefined hides the field. */
  contact: string | undefined;
  onClose(): void;
  onCreated(id: string): void;
  onDeleted(name: string): void;
}

type FieldErrors = Partial<Record<string, string>>;

const TEXT_FIELDS = [...ANALYSIS_FIELDS, 'notes'] as const;

function fieldsFromForm(form: HTMLFormElement, position: StakeholderFields['position']): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const sscRole = text('sscRole');
  const organizationId = text('organizationId');
  return {
    name: text('name'),
    kind: text('kind'),
    category: text('category'),
    level: text('level'),
    sector: text('sector'),
    lfaRole: text('lfaRole'),
    sscRole: sscRole === '' ? null : sscRole,
    power: Number(text('power')),
    interest: Number(text('interest')),
    organizationId: organizationId === '' ? null : organizationId,
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])),
    position,
  };
}

function changedFields(before: StakeholderFields, after: StakeholderFields): StakeholderPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof StakeholderFields>) {
    if (key === 'position') continue;
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  return patch as StakeholderPatch;
}

export function StakeholderEditor({ subject, stakeholders, relations, editing, organizations, contact, onClose, onCreated, onDeleted }: EditorProps) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  const idPrefix = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const current = subject.kind === 'existing' ? subject.stakeholder : null;
  const fields: StakeholderFields = current ?? (subject.kind === 'new' ? subject.fields : (null as never));
  const displayName = current?.name || t('unnamed');
  const readOnly = editing.readOnly;
  // What the form opened with: a save writes only what this person changed since, so a
  // field someone else edited meanwhile keeps their value.
  const subjectKey = current?.id ?? 'new';
  const [baseline, setBaseline] = useState<{ key: string; fields: StakeholderFields; contact: string | undefined }>({ key: subjectKey, fields, contact });
  if (baseline.key !== subjectKey) setBaseline({ key: subjectKey, fields, contact });
  const [formVersion, setFormVersion] = useState(0);
  const isChangedByOthers = current !== null && baseline.key === current.id && (Object.keys(changedFields(baseline.fields, current)).length > 0 || baseline.contact !== contact);
  const loadLatest = () => {
    if (!current) return;
    setBaseline({ key: current.id, fields: current, contact });
    setFormVersion((version) => version + 1);
    setErrors({});
    setNotice(null);
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, [current?.id, subject.kind]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = stakeholderFieldsSchema.safeParse(fieldsFromForm(event.currentTarget, fields.position));
    const contactValue = String(new FormData(event.currentTarget).get('contact') ?? '');
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      setNotice(null);
      return;
    }
    if (contactValue.length > CONTACT_MAX) {
      setErrors({ contact: 'contactTooLong' });
      return;
    }
    setErrors({});
    if (current) {
      const result = editing.updateStakeholder(current.id, changedFields(baseline.key === current.id ? baseline.fields : current, parsed.data));
      if (!result.ok) {
        setNotice(result.code === 'gone' ? t('editor.gone') : t(`validation.${result.code}` as 'validation.invalid'));
        return;
      }
      // Written only when this person changed it, like every other field.
      const openedWith = baseline.key === current.id ? baseline.contact : contact;
      if (contact !== undefined && contactValue.trim() !== (openedWith ?? '')) editing.setContact(current.id, contactValue);
      setBaseline({ key: current.id, fields: parsed.data, contact: contact !== undefined ? contactValue.trim() : undefined });
      setNotice(t('editor.saved'));
    } else {
      const result = editing.addStakeholder(parsed.data);
      if (!result.ok || !result.id) {
        setNotice(t('validation.invalid'));
        return;
      }
      if (contact !== undefined && contactValue.trim()) editing.setContact(result.id, contactValue);
      onCreated(result.id);
    }
  };

  const onDelete = () => {
    if (!current) return;
    const count = relations.filter((relation) => relation.from === current.id || relation.to === current.id).length;
    if (!window.confirm(t('editor.deleteConfirm', { name: displayName, count }))) return;
    if (editing.removeStakeholder(current.id).ok) onDeleted(displayName);
  };

  const title = subject.kind === 'new' ? t('editor.titleNew') : readOnly ? t('editor.titleView', { name: displayName }) : t('editor.titleEdit', { name: displayName });
  const errorFor = (name: string) => errors[name];

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="card space-y-4" data-testid="stakeholder-editor">
      <div className="flex items-start justify-between gap-2">
        <h2 id={`${idPrefix}-heading`} ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {title}
        </h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('editor.close')}
        </button>
      </div>
      {readOnly && current ? (
        <StakeholderDetails stakeholder={current} organizations={organizations} contact={contact} />
      ) : (
        <form key={`${current?.id ?? 'new'}-${formVersion}`} onSubmit={onSubmit} noValidate className="space-y-3">
          {isChangedByOthers && (
            <p className="rounded border border-amber-400 bg-amber-50 p-2 text-sm" data-testid="changed-meanwhile">
              {t('editor.changedMeanwhile')}{' '}
              <button type="button" className="underline" onClick={loadLatest}>
                {t('editor.loadLatest')}
              </button>
            </p>
          )}
          {Object.keys(errors).length > 0 && (
            <p role="alert" className="field-error">
              {t('editor.errorSummary')}
            </p>
          )}
          <Field id={`${idPrefix}-name`} label={t('fields.name')} error={errorFor('name')} errorText={(code) => t(`validation.${code}` as 'validation.invalid')}>
            {(props) => <input {...props} name="name" className="input" defaultValue={fields.name} maxLength={NAME_MAX} required autoComplete="off" />}
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Choice id={`${idPrefix}-kind`} name="kind" label={t('fields.kind')} value={fields.kind} options={STAKEHOLDER_KINDS.map((key) => ({ value: key, label: t(`kind.${key}`) }))} />
            <Choice id={`${idPrefix}-category`} name="category" label={t('fields.category')} value={fields.category} options={STAKEHOLDER_CATEGORIES.map((key) => ({ value: key, label: tc(`category.${key}`) }))} />
            <Choice id={`${idPrefix}-level`} name="level" label={t('fields.level')} value={fields.level} options={LEVELS.map((key) => ({ value: key, label: tc(`scale.${key}`) }))} />
            <Choice id={`${idPrefix}-sector`} name="sector" label={t('fields.sector')} value={fields.sector} options={SECTORS.map((key) => ({ value: key, label: tc(`sector.${key}`) }))} />
            <Choice id={`${idPrefix}-lfaRole`} name="lfaRole" label={t('fields.lfaRole')} hint={t('fields.lfaRoleHint')} value={fields.lfaRole} options={LFA_ROLES.map((key) => ({ value: key, label: t(`lfaRole.${key}`) }))} />
            <Choice
              id={`${idPrefix}-sscRole`}
              name="sscRole"
              label={t('fields.sscRole')}
              value={fields.sscRole ?? ''}
              options={[{ value: '', label: t('sscRole.none') }, ...SSC_ROLES.map((key) => ({ value: key, label: t(`sscRole.${key}`) }))]}
            />
            <Choice id={`${idPrefix}-power`} name="power" label={t('fields.power')} hint={t('fields.powerHint')} value={String(fields.power)} options={[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: String(value) }))} />
            <Choice id={`${idPrefix}-interest`} name="interest" label={t('fields.interest')} hint={t('fields.interestHint')} value={String(fields.interest)} options={[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: String(value) }))} />
          </div>
          <Choice
            id={`${idPrefix}-organizationId`}
            name="organizationId"
            label={t('fields.organization')}
            value={fields.organizationId ?? ''}
            options={[
              { value: '', label: t('fields.organizationNone') },
              ...organizations.map((organization) => ({ value: organization.id, label: organization.name })),
              // A link to an organization no longer verified stays as it is unless someone changes it.
              ...(fields.organizationId && !organizations.some((organization) => organization.id === fields.organizationId) ? [{ value: fields.organizationId, label: t('fields.organizationUnlisted') }] : []),
            ]}
          />
          {TEXT_FIELDS.map((name) => (
            <Field key={name} id={`${idPrefix}-${name}`} label={t(`fields.${name}`)} error={errorFor(name)} errorText={(code) => t(`validation.${code}` as 'validation.invalid')}>
              {(props) => <textarea {...props} name={name} rows={2} className="input" defaultValue={fields[name]} maxLength={LONG_TEXT_MAX} />}
            </Field>
          ))}
          {contact !== undefined && (
            <Field id={`${idPrefix}-contact`} label={t('fields.contact')} hint={t('fields.contactHint')} error={errorFor('contact')} errorText={(code) => t(`validation.${code}` as 'validation.invalid')}>
              {(props) => <textarea {...props} name="contact" rows={2} className="input" defaultValue={contact} maxLength={CONTACT_MAX} />}
            </Field>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="button">
              {t('editor.save')}
            </button>
            {current && (
              <button type="button" className="button-secondary" onClick={onDelete}>
                {t('editor.delete')}
              </button>
            )}
          </div>
          <p role="status" className="text-sm">
            {notice}
          </p>
        </form>
      )}
      {current && <RelationList stakeholder={current} stakeholders={stakeholders} relations={relations} editing={editing} />}
    </section>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function Field({ id, label, hint, error, errorText, children }: { id: string; label: string; hint?: string; error?: string; errorText(code: string): string; children(props: ControlProps): ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {errorText(error)}
        </p>
      )}
    </div>
  );
}

function Choice({ id, name, label, hint, value, options }: { id: string; name: string; label: string; hint?: string; value: string; options: ReadonlyArray<{ value: string; label: string }> }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={name} className="input" defaultValue={value} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function StakeholderDetails({ stakeholder, organizations, contact }: { stakeholder: Stakeholder; organizations: readonly OrganizationOption[]; contact: string | undefined }) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  const organization = organizations.find((candidate) => candidate.id === stakeholder.organizationId);
  const rows: Array<[string, string]> = [
    [t('fields.kind'), t(`kind.${stakeholder.kind}`)],
    [t('fields.category'), tc(`category.${stakeholder.category}`)],
    [t('fields.levelSector'), `${tc(`scale.${stakeholder.level}`)} · ${tc(`sector.${stakeholder.sector}`)}`],
    [t('fields.lfaRole'), t(`lfaRole.${stakeholder.lfaRole}`)],
    [t('fields.sscRole'), t(`sscRole.${stakeholder.sscRole ?? 'none'}`)],
    [t('fields.power'), String(stakeholder.power)],
    [t('fields.interest'), String(stakeholder.interest)],
    ...(organization ? [[t('fields.organization'), organization.name] as [string, string]] : []),
    ...TEXT_FIELDS.filter((name) => stakeholder[name]).map((name) => [t(`fields.${name}`), stakeholder[name]] as [string, string]),
    ...(contact ? [[t('fields.contact'), contact] as [string, string]] : []),
  ];
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, description]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="whitespace-pre-line">{description}</dd>
        </div>
      ))}
    </dl>
  );
}
