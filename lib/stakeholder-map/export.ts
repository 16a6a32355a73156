// The stakeholder map as downloadable files: CSV (the summary table of ITU-T Y.Suppl.34
// Appendix I, one row per stakeholder), JSON (stakeholders, relations and layout) and
// GraphML (the same graph for network tools such as Gephi, yEd or NetworkX). Pure, so
// the exact output is unit-tested (tests/unit/stakeholder-map-export.test.ts).
// Values are vocabulary codes, not translated labels, so a file reads the same whatever
// the language of whoever downloaded it. Contact details are personal data: they appear
// only when the caller passes them, which it does for staff only; without them no file
// has even an empty contact column.
import { csvDocument } from '@/lib/export/csv';
import { isWellFormedSlug, slugify } from '@/lib/initiatives/slug';
import type { Position, Relation, Stakeholder, StakeholderMapState } from './model';
import type { Level, LfaRole, Sector, SscRole, StakeholderCategory, StakeholderKind } from './vocabulary';

export type StakeholderMapFormat = 'csv' | 'json' | 'graphml';

export const STAKEHOLDER_MAP_CONTENT_TYPES: Record<StakeholderMapFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
};

export interface StakeholderMapExportInput {
  state: StakeholderMapState;
  /** Contact details by stakeholder id. Personal data: pass them for staff only. */
  contacts?: ReadonlyMap<string, string>;
  initiative: { title: string; slug: string };
}

/** Appendix I columns, then the map's own; position is layout and stays out of the table. */
const CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'category',
  'level',
  'sector',
  'lfa_role',
  'ssc_role',
  'power',
  'interest',
  'aims',
  'challenges',
  'potential',
  'constraints',
  'contribution',
  'organization_id',
  'notes',
] as const;

/** Only stakeholders on the map: a contact left behind by a deleted stakeholder is not exported. */
const contactOf = (contacts: ReadonlyMap<string, string>, stakeholder: Stakeholder) => contacts.get(stakeholder.id) ?? null;

export function stakeholderMapCsv({ state, contacts }: StakeholderMapExportInput): string {
  const header = contacts ? [...CSV_COLUMNS, 'contact'] : CSV_COLUMNS;
  return csvDocument(
    header,
    state.stakeholders.map((stakeholder) => {
      const row = [
        stakeholder.id,
        stakeholder.name,
        stakeholder.kind,
        stakeholder.category,
        stakeholder.level,
        stakeholder.sector,
        stakeholder.lfaRole,
        stakeholder.sscRole,
        stakeholder.power,
        stakeholder.interest,
        stakeholder.aims,
        stakeholder.challenges,
        stakeholder.potential,
        stakeholder.constraints,
        stakeholder.contribution,
        stakeholder.organizationId,
        stakeholder.notes,
      ];
      return contacts ? [...row, contactOf(contacts, stakeholder)] : row;
    }),
  );
}

export interface StakeholderJson {
  id: string;
  name: string;
  kind: StakeholderKind;
  category: StakeholderCategory;
  level: Level;
  sector: Sector;
  lfaRole: LfaRole;
  sscRole: SscRole | null;
  power: number;
  interest: number;
  aims: string;
  challenges: string;
  potential: string;
  constraints: string;
  contribution: string;
  organizationId: string | null;
  notes: string;
  /** Present only in a staff export; null when the stakeholder has none. */
  contact?: string | null;
  position: Position;
}

export type RelationJson = Pick<Relation, 'id' | 'from' | 'to' | 'kind' | 'strength' | 'note'>;

export interface StakeholderMapJson {
  initiative: { title: string; slug: string };
  exportedAt: string;
  stakeholders: StakeholderJson[];
  relations: RelationJson[];
}

/**
 * Fields are copied one by one rather than spread, so that whatever else a state object
 * carries at run time (readStakeholderMap adds `repaired`) never reaches a download.
 */
export function stakeholderMapJson({ state, contacts, initiative, exportedAt }: StakeholderMapExportInput & { exportedAt: string }): StakeholderMapJson {
  return {
    initiative: { title: initiative.title, slug: initiative.slug },
    exportedAt,
    stakeholders: state.stakeholders.map((stakeholder) => ({
      id: stakeholder.id,
      name: stakeholder.name,
      kind: stakeholder.kind,
      category: stakeholder.category,
      level: stakeholder.level,
      sector: stakeholder.sector,
      lfaRole: stakeholder.lfaRole,
      sscRole: stakeholder.sscRole,
      power: stakeholder.power,
      interest: stakeholder.interest,
      aims: stakeholder.aims,
      challenges: stakeholder.challenges,
      potential: stakeholder.potential,
      constraints: stakeholder.constraints,
      contribution: stakeholder.contribution,
      organizationId: stakeholder.organizationId,
      notes: stakeholder.notes,
      ...(contacts ? { contact: contactOf(contacts, stakeholder) } : {}),
      position: { x: stakeholder.position.x, y: stakeholder.position.y },
    })),
    relations: state.relations.map((relation) => ({
      id: relation.id,
      from: relation.from,
      to: relation.to,
      kind: relation.kind,
      strength: relation.strength,
      note: relation.note,
    })),
  };
}

/**
 * XML 1.0 allows tab, line feed, carriage return and U+0020 upwards except surrogates,
 * U+FFFE and U+FFFF; anything else makes the whole document unreadable, so it is dropped.
 * With the u flag a lone surrogate is one code point outside the ranges and goes too.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Element text: a parser would turn a raw CR into LF, so it is written as a reference. */
function xmlText(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '').replace(/[&<>"'\r]/g, (character) => XML_ESCAPES[character]!);
}

/** Attribute values: a parser would turn raw line breaks and tabs into spaces. */
function xmlAttribute(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '').replace(/[&<>"'\r\n\t]/g, (character) => XML_ESCAPES[character]!);
}

type GraphmlType = 'string' | 'int' | 'double';
interface GraphmlAttribute<T> {
  name: string;
  type: GraphmlType;
  /** Null leaves the value out, which GraphML reads as "not set". */
  value: (item: T) => string | number | null;
}

const NODE_ATTRIBUTES: GraphmlAttribute<Stakeholder>[] = [
  { name: 'name', type: 'string', value: (s) => s.name },
  { name: 'kind', type: 'string', value: (s) => s.kind },
  { name: 'category', type: 'string', value: (s) => s.category },
  { name: 'level', type: 'string', value: (s) => s.level },
  { name: 'sector', type: 'string', value: (s) => s.sector },
  { name: 'lfa_role', type: 'string', value: (s) => s.lfaRole },
  { name: 'ssc_role', type: 'string', value: (s) => s.sscRole },
  { name: 'power', type: 'int', value: (s) => s.power },
  { name: 'interest', type: 'int', value: (s) => s.interest },
  { name: 'aims', type: 'string', value: (s) => s.aims },
  { name: 'challenges', type: 'string', value: (s) => s.challenges },
  { name: 'potential', type: 'string', value: (s) => s.potential },
  { name: 'constraints', type: 'string', value: (s) => s.constraints },
  { name: 'contribution', type: 'string', value: (s) => s.contribution },
  { name: 'organization_id', type: 'string', value: (s) => s.organizationId },
  { name: 'notes', type: 'string', value: (s) => s.notes },
  { name: 'x', type: 'double', value: (s) => s.position.x },
  { name: 'y', type: 'double', value: (s) => s.position.y },
];

const EDGE_ATTRIBUTES: GraphmlAttribute<Relation>[] = [
  { name: 'kind', type: 'string', value: (r) => r.kind },
  { name: 'strength', type: 'int', value: (r) => r.strength },
  { name: 'note', type: 'string', value: (r) => r.note },
];

// Key ids are unique per document, and nodes and edges both have a "kind".
const nodeKey = (name: string) => `n_${name}`;
const edgeKey = (name: string) => `e_${name}`;

function keyElement(id: string, target: 'graph' | 'node' | 'edge', { name, type }: { name: string; type: GraphmlType }): string {
  return `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>`;
}

function dataElements<T>(item: T, attributes: readonly GraphmlAttribute<T>[], key: (name: string) => string, indent: string): string[] {
  return attributes.flatMap(({ name, value }) => {
    const data = value(item);
    return data === null ? [] : [`${indent}<data key="${key(name)}">${xmlText(String(data))}</data>`];
  });
}

export function stakeholderMapGraphml({ state, contacts, initiative }: StakeholderMapExportInput): string {
  const nodeAttributes: GraphmlAttribute<Stakeholder>[] = contacts
    ? [...NODE_ATTRIBUTES, { name: 'contact', type: 'string', value: (s) => contactOf(contacts, s) }]
    : NODE_ATTRIBUTES;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    keyElement('g_initiative_title', 'graph', { name: 'initiative_title', type: 'string' }),
    keyElement('g_initiative_slug', 'graph', { name: 'initiative_slug', type: 'string' }),
    ...nodeAttributes.map((attribute) => keyElement(nodeKey(attribute.name), 'node', attribute)),
    ...EDGE_ATTRIBUTES.map((attribute) => keyElement(edgeKey(attribute.name), 'edge', attribute)),
    '  <graph id="stakeholder-map" edgedefault="directed">',
    `    <data key="g_initiative_title">${xmlText(initiative.title)}</data>`,
    `    <data key="g_initiative_slug">${xmlText(initiative.slug)}</data>`,
    ...state.stakeholders.flatMap((stakeholder) => [
      `    <node id="${xmlAttribute(stakeholder.id)}">`,
      ...dataElements(stakeholder, nodeAttributes, nodeKey, '      '),
      '    </node>',
    ]),
    ...state.relations.flatMap((relation) => [
      `    <edge id="${xmlAttribute(relation.id)}" source="${xmlAttribute(relation.from)}" target="${xmlAttribute(relation.to)}">`,
      ...dataElements(relation, EDGE_ATTRIBUTES, edgeKey, '      '),
      '    </edge>',
    ]),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `stakeholder-map-<slug>.<extension>`. Slugs are well formed by construction; one that is
 * not is made so rather than trusted in a Content-Disposition header.
 */
export function stakeholderMapFileName(slug: string, extension: StakeholderMapFormat): string {
  return `stakeholder-map-${isWellFormedSlug(slug) ? slug : slugify(slug)}.${extension}`;
}
