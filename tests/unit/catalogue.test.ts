// Every key the code can ask for exists in each complete catalogue, so no page shows
// a raw key to a person.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD_PROBLEMS } from '@/lib/auth/password-rules';
import { ROLES } from '@/lib/auth/roles';
import { UPDATE_REFUSALS } from '@/lib/collab/document-limits';
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

/**
 * Where each folder's validation keys are looked up: the stakeholder map's forms are
 * client components that translate its codes in a namespace of their own.
 */
const VALIDATION_NAMESPACES: Record<string, string> = { 'lib/stakeholder-map': 'stakeholderMap.validation' };

/** Validation keys written as string literals in schemas and domain functions, with their namespace. */
function validationKeysInSource(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    const relative = path.relative(process.cwd(), dir);
    if (VALIDATION_NAMESPACES[relative]) {
      for (const key of keysIn(dir)) keys.add(`${VALIDATION_NAMESPACES[relative]}.${key}`);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) for (const key of keysInFile(full)) keys.add(`validation.${key}`);
    }
  };
  walk(path.join(process.cwd(), 'lib'));
  return [...keys];
}

function keysIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? keysIn(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? keysInFile(path.join(dir, entry.name)) : [],
  );
}

function keysInFile(full: string): string[] {
  const source = readFileSync(full, 'utf8');
  const patterns = [
    /(?:min|max|email|uuid|enum)\([^)]*?'([a-z][A-Za-z]+)'\)/g,
    /fieldErrors: \{ \w+: '([a-zA-Z][a-zA-Z.]*[a-zA-Z])' \}/g,
    /(?:tooShort|tooLong): '([a-zA-Z]+)'/g,
    /refine\(\w+, '([a-zA-Z]+)'\)/g,
    /(?:number|int|wallTime|finite)\('([a-zA-Z]+)'\)/g,
    /message: '([a-zA-Z]+)'/g,
    /StakeholderMapError\('([a-zA-Z]+)'/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
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
    ...validationKeysInSource(),
    ...TRANSITION_REFUSALS.map((refusal) => `validation.${refusal}`),
    ...PASSWORD_PROBLEMS.map((problem) => `validation.${problem}`),
    ...STEP_REFUSALS.map((refusal) => `validation.grievance.${refusal}`),
    ...GRIEVANCE_STATUSES.map((status) => `grievances.status.${status}`),
    ...GRIEVANCE_CATEGORIES.map((category) => `grievances.category.${category}`),
    ...GRIEVANCE_EVENT_KINDS.map((kind) => `grievances.step.${kind}`),
    ...RECEIPT_CHANNELS.map((channel) => `grievances.receivedVia.${channel}`),
    ...[...UPDATE_REFUSALS, 'unknown'].map((refusal) => `stakeholderMap.limits.refused.${refusal}`),
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
    expect(validationKeysInSource()).toEqual(
      expect.arrayContaining([
        ...['emailInvalid', 'nameInvisible', 'nameOfStaffMember', 'emailTaken', 'nameTaken', 'titleRequired', 'textInvalid'].map((key) => `validation.${key}`),
        ...['nameRequired', 'ratingInvalid', 'relationToItself', 'relationEndMissing', 'contactTooLong'].map((key) => `stakeholderMap.validation.${key}`),
      ]),
    );
  });
});
