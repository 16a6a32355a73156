// Every key the code can ask for exists in each complete catalogue, so no page shows
// a raw key to a person.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/auth/roles';
import { ERROR_CODES } from '@/lib/errors';
import { LOCALES } from '@/lib/i18n/config';
import { TRANSITION_REFUSALS } from '@/lib/consultations/lifecycle';
import { STEP_REFUSALS } from '@/lib/grievances/workflow';
import { GRIEVANCE_CATEGORIES, GRIEVANCE_EVENT_KINDS, GRIEVANCE_STATUSES, RECEIPT_CHANNELS } from '@/lib/grievances/vocabulary';
import { INITIATIVE_STATUSES } from '@/lib/initiatives/status';
import { SCALES, SECTORS, STAKEHOLDER_CATEGORIES } from '@/lib/stakeholders/vocabulary';

type Catalogue = { [key: string]: string | Catalogue };

function areaFiles(locale: string): Record<string, Catalogue> {
  const folder = path.join(process.cwd(), 'lib/i18n/messages', locale);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Catalogue]),
  );
}

function load(locale: string): Catalogue {
  return Object.assign({}, ...Object.values(areaFiles(locale))) as Catalogue;
}

function lookup(catalogue: Catalogue, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Catalogue | undefined)?.[part], catalogue);
}

/** Validation keys written as string literals in schemas and domain functions. */
function validationKeysInSource(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        for (const match of source.matchAll(/(?:min|max|email|uuid|enum)\([^)]*?'([a-z][A-Za-z]+)'\)/g)) keys.add(match[1]!);
        for (const match of source.matchAll(/fieldErrors: \{ \w+: '([a-zA-Z][a-zA-Z.]*[a-zA-Z])' \}/g)) keys.add(match[1]!);
        for (const match of source.matchAll(/(?:tooShort|tooLong): '([a-zA-Z]+)'/g)) keys.add(match[1]!);
        for (const match of source.matchAll(/refine\(\w+, '([a-zA-Z]+)'\)/g)) keys.add(match[1]!);
        for (const match of source.matchAll(/(?:number|int|wallTime)\('([a-zA-Z]+)'\)/g)) keys.add(match[1]!);
        for (const match of source.matchAll(/message: '([a-zA-Z]+)'/g)) keys.add(match[1]!);
      }
    }
  };
  walk(path.join(process.cwd(), 'lib'));
  return [...keys];
}

describe.each(LOCALES)('the %s catalogue', (locale) => {
  const catalogue = load(locale);
  const expectedKeys = [
    ...ROLES.map((role) => `roles.${role}`),
    ...INITIATIVE_STATUSES.map((status) => `initiatives.status.${status}`),
    ...STAKEHOLDER_CATEGORIES.map((category) => `stakeholders.category.${category}`),
    ...SCALES.map((scale) => `stakeholders.scale.${scale}`),
    ...SECTORS.map((sector) => `stakeholders.sector.${sector}`),
    ...Object.keys(ERROR_CODES).map((code) => `errors.${code}`),
    ...validationKeysInSource().map((key) => `validation.${key}`),
    ...TRANSITION_REFUSALS.map((refusal) => `validation.${refusal}`),
    ...STEP_REFUSALS.map((refusal) => `validation.grievance.${refusal}`),
    ...GRIEVANCE_STATUSES.map((status) => `grievances.status.${status}`),
    ...GRIEVANCE_CATEGORIES.map((category) => `grievances.category.${category}`),
    ...GRIEVANCE_EVENT_KINDS.map((kind) => `grievances.step.${kind}`),
    ...RECEIPT_CHANNELS.map((channel) => `grievances.receivedVia.${channel}`),
  ];

  it.each(expectedKeys)('has %s', (key) => {
    expect(typeof lookup(catalogue, key)).toBe('string');
  });

  it('keeps each namespace in one area file, so no file silently replaces another', () => {
    const owners = new Map<string, string[]>();
    for (const [file, catalogue] of Object.entries(areaFiles(locale))) {
      for (const namespace of Object.keys(catalogue)) owners.set(namespace, [...(owners.get(namespace) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('finds the validation keys it checks', () => {
    expect(validationKeysInSource()).toEqual(expect.arrayContaining(['emailInvalid', 'passwordTooShort', 'emailTaken', 'nameTaken', 'titleRequired', 'textInvalid']));
  });
});
