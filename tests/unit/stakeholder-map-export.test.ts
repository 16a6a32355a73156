// The stakeholder map downloads as a user opens them: the Appendix I table in a
// spreadsheet, the JSON for a script, the GraphML in a network tool, and contact details
// (personal data) only in the files staff download.
import { describe, expect, it } from 'vitest';
import { newStakeholderFields } from '@/lib/stakeholder-map/document';
import type { Relation, Stakeholder, StakeholderMapState } from '@/lib/stakeholder-map/model';
import {
  STAKEHOLDER_MAP_CONTENT_TYPES,
  stakeholderMapCsv,
  stakeholderMapFileName,
  stakeholderMapGraphml,
  stakeholderMapJson,
  type StakeholderMapExportInput,
} from '@/lib/stakeholder-map/export';

const COUNCIL = '3f2b1c4d-5e6f-4a7b-8c9d-000000000001';
const NEIGHBOURS = '3f2b1c4d-5e6f-4a7b-8c9d-000000000002';
const ORGANIZATION = '9a8b7c6d-1111-4222-8333-944455556666';
const INITIATIVE = { title: 'Calle Mayor low-emission zone', slug: 'calle-mayor-lez' };
const EXPORTED_AT = '2026-05-06T07:15:00.000Z';
const CONTACT = 'Ana Ortega, ana.ortega@example.org, 600 000 000';

function stakeholder({ id, ...fields }: Partial<Stakeholder> & Pick<Stakeholder, 'id' | 'name'>): Stakeholder {
  return { id, ...newStakeholderFields('municipality', fields) };
}

function relation(fields: Partial<Relation> & Pick<Relation, 'id' | 'from' | 'to'>): Relation {
  return { kind: 'collaborates_with', strength: 2, note: '', ...fields };
}

/** A fresh small map per test: the council and the neighbours who oppose its plan. */
function smallMap(): StakeholderMapState {
  return {
    stakeholders: [
      stakeholder({
        id: COUNCIL,
        name: 'Valdemoro city council',
        sscRole: 'driver_of_technology',
        aims: 'Cleaner air',
        challenges: 'Budget',
        potential: 'Runs the buses',
        constraints: 'Elections in 2027',
        contribution: 'Decides the route',
        power: 5,
        interest: 4,
        organizationId: ORGANIZATION,
      }),
      stakeholder({
        id: NEIGHBOURS,
        name: 'Neighbours of Calle Mayor',
        kind: 'group',
        category: 'citizens',
        sector: 'civil_society',
        lfaRole: 'affected_opponent',
        aims: 'Keep the street quiet, "and" green\nno lorries',
        challenges: 'Lorries at night',
        potential: 'Know the street',
        constraints: 'Little time',
        contribution: 'Tell us what they see',
        power: 2,
        interest: 5,
        notes: 'Met on 3 May',
        position: { x: 240.5, y: -80 },
      }),
    ],
    relations: [
      relation({ id: 'relation-1', from: NEIGHBOURS, to: COUNCIL, kind: 'in_conflict_with', strength: 3, note: 'Petition of 1,200 signatures' }),
      relation({ id: 'relation-2', from: COUNCIL, to: NEIGHBOURS, kind: 'informs', strength: 1 }),
    ],
  };
}

const HEADER = 'id,name,kind,category,level,sector,lfa_role,ssc_role,power,interest,aims,challenges,potential,constraints,contribution,organization_id,notes';
const COUNCIL_ROW = `${COUNCIL},Valdemoro city council,organization,municipality,local,public,active,driver_of_technology,5,4,Cleaner air,Budget,Runs the buses,Elections in 2027,Decides the route,${ORGANIZATION},`;
const NEIGHBOURS_ROW = `${NEIGHBOURS},Neighbours of Calle Mayor,group,citizens,local,civil_society,affected_opponent,,2,5,"Keep the street quiet, ""and"" green\nno lorries",Lorries at night,Know the street,Little time,Tell us what they see,,Met on 3 May`;

/** RFC 4180 as a spreadsheet reads it, to check what comes back out of a cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (isQuoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') isQuoted = false;
      else field += character;
    } else if (character === '"') isQuoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += character;
  }
  expect(isQuoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data as a parser returns it; throws on a raw & or < or a character XML forbids. */
function decodeXml(raw: string): string {
  if (raw.includes('<')) throw new Error(`raw < in ${JSON.stringify(raw)}`);
  if (NOT_XML_CHARACTER.test(raw)) throw new Error(`character not allowed in XML in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);?/g, (reference, name: string) => {
    if (!reference.endsWith(';')) throw new Error(`raw & in ${JSON.stringify(raw)}`);
    if (name in NAMED_REFERENCES) return NAMED_REFERENCES[name]!;
    const decimal = /^#(\d+)$/.exec(name);
    const hexadecimal = /^#x([0-9a-f]+)$/i.exec(name);
    const code = decimal ? Number(decimal[1]) : hexadecimal ? Number.parseInt(hexadecimal[1]!, 16) : undefined;
    if (code === undefined || code > 0x10ffff) throw new Error(`unknown reference ${reference}`);
    const character = String.fromCodePoint(code);
    if (NOT_XML_CHARACTER.test(character)) throw new Error(`reference to a character XML forbids: ${reference}`);
    return character;
  });
}

/**
 * A strict little XML reader (no dependency is available for one): the declaration, one
 * root, properly nested elements, quoted unique attributes, and character data without a
 * raw < or &. It throws where a standard parser would report the document as not well formed.
 */
function parseXml(source: string): XmlElement {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
  if (!source.startsWith(declaration)) throw new Error('no XML declaration');
  const name = '[A-Za-z_][\\w.:-]*';
  const token = new RegExp(`<(/?)(${name})((?:\\s+${name}="[^"]*")*)\\s*(/?)>`, 'y');
  const attribute = new RegExp(`(${name})="([^"]*)"`, 'g');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let index = declaration.length;
  while (index < source.length) {
    const next = source.indexOf('<', index);
    const text = decodeXml(source.slice(index, next === -1 ? source.length : next));
    if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
    if (stack.length > 0) stack.at(-1)!.text += text;
    if (next === -1) break;
    token.lastIndex = next;
    const match = token.exec(source);
    if (!match) throw new Error(`not a tag at ${next}: ${source.slice(next, next + 40)}`);
    const [whole, closing, tagName, attributeText, selfClosing] = match;
    index = next + whole.length;
    if (closing) {
      if (attributeText || selfClosing || stack.pop()?.name !== tagName) throw new Error(`mismatched </${tagName}>`);
      continue;
    }
    const element: XmlElement = { name: tagName!, attributes: {}, children: [], text: '' };
    for (const [, key, value] of attributeText!.matchAll(attribute)) {
      if (key! in element.attributes) throw new Error(`attribute ${key} twice`);
      element.attributes[key!] = decodeXml(value!);
    }
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('a second root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('unclosed element');
  return root;
}

const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
const dataOf = (element: XmlElement) => Object.fromEntries(childrenNamed(element, 'data').map((data) => [data.attributes.key, data.text]));

/** The GraphML read back, with every reference checked: keys declared for the right element, edges between nodes. */
function readGraphml(source: string) {
  const root = parseXml(source);
  expect(root.name).toBe('graphml');
  expect(root.attributes.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map(childrenNamed(root, 'key').map((key) => [key.attributes.id!, key.attributes]));
  const [graph, ...otherGraphs] = childrenNamed(root, 'graph');
  expect(otherGraphs).toEqual([]);
  expect(graph!.attributes.edgedefault).toBe('directed');
  const nodes = childrenNamed(graph!, 'node');
  const edges = childrenNamed(graph!, 'edge');
  expect(graph!.children.length).toBe(childrenNamed(graph!, 'data').length + nodes.length + edges.length);
  for (const element of [graph!, ...nodes, ...edges]) {
    for (const data of childrenNamed(element, 'data')) {
      expect(keys.get(data.attributes.key!), `key ${data.attributes.key} declared`).toMatchObject({ for: element.name });
      expect(data.children).toEqual([]);
    }
  }
  const nodeIds = nodes.map((node) => node.attributes.id);
  expect(new Set(nodeIds).size).toBe(nodeIds.length);
  for (const edge of edges) {
    expect(nodeIds).toContain(edge.attributes.source);
    expect(nodeIds).toContain(edge.attributes.target);
  }
  return { keys, graph: graph!, nodes, edges };
}

describe('the map as CSV (Table I.1)', () => {
  it('has one row per stakeholder in the map order under a fixed header, with codes and CRLF line ends', () => {
    expect(stakeholderMapCsv({ state: smallMap(), initiative: INITIATIVE })).toBe(`${HEADER}\r\n${COUNCIL_ROW}\r\n${NEIGHBOURS_ROW}\r\n`);
  });

  it('is only the header for a map without stakeholders', () => {
    expect(stakeholderMapCsv({ state: { stakeholders: [], relations: [] }, initiative: INITIATIVE })).toBe(`${HEADER}\r\n`);
  });

  it('gives back a line break, a quote and a comma in a text cell as written', () => {
    const rows = parseCsv(stakeholderMapCsv({ state: smallMap(), initiative: INITIATIVE }));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.length === 17)).toBe(true);
    expect(rows[2]![10]).toBe('Keep the street quiet, "and" green\nno lorries');
    expect(rows[2]![16]).toBe('Met on 3 May');
  });

  it('defuses a name or a text a spreadsheet would run as a formula', () => {
    const state = smallMap();
    state.stakeholders[0]!.name = '=HYPERLINK("http://evil.example","Open")';
    state.stakeholders[1]!.notes = '@SUM(A1:A9)';
    const rows = parseCsv(stakeholderMapCsv({ state, initiative: INITIATIVE }));
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://evil.example","Open")`);
    expect(rows[2]![16]).toBe(`'@SUM(A1:A9)`);
  });
});

describe('the map as JSON', () => {
  it('holds the initiative, the time given, the stakeholders with their position and the relations', () => {
    const json = stakeholderMapJson({ state: smallMap(), initiative: INITIATIVE, exportedAt: EXPORTED_AT });
    expect(Object.keys(json)).toEqual(['initiative', 'exportedAt', 'stakeholders', 'relations']);
    expect(json.initiative).toEqual(INITIATIVE);
    expect(json.exportedAt).toBe(EXPORTED_AT);
    expect(json.stakeholders[1]).toEqual({
      id: NEIGHBOURS,
      name: 'Neighbours of Calle Mayor',
      kind: 'group',
      category: 'citizens',
      level: 'local',
      sector: 'civil_society',
      lfaRole: 'affected_opponent',
      sscRole: null,
      power: 2,
      interest: 5,
      aims: 'Keep the street quiet, "and" green\nno lorries',
      challenges: 'Lorries at night',
      potential: 'Know the street',
      constraints: 'Little time',
      contribution: 'Tell us what they see',
      organizationId: null,
      notes: 'Met on 3 May',
      position: { x: 240.5, y: -80 },
    });
    expect(json.stakeholders.map((entry) => entry.id)).toEqual([COUNCIL, NEIGHBOURS]);
    expect(json.relations).toEqual([
      { id: 'relation-1', from: NEIGHBOURS, to: COUNCIL, kind: 'in_conflict_with', strength: 3, note: 'Petition of 1,200 signatures' },
      { id: 'relation-2', from: COUNCIL, to: NEIGHBOURS, kind: 'informs', strength: 1, note: '' },
    ]);
  });

  it('survives serialising unchanged, and carries nothing else a state object holds', () => {
    const state = { ...smallMap(), repaired: 4 };
    const json = stakeholderMapJson({ state, initiative: INITIATIVE, exportedAt: EXPORTED_AT });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.stringify(json)).not.toContain('repaired');
  });
});

describe('the map as GraphML', () => {
  it('is a well-formed GraphML document with a node per stakeholder and a directed edge per relation', () => {
    const graphml = stakeholderMapGraphml({ state: smallMap(), initiative: INITIATIVE });
    const { keys, graph, nodes, edges } = readGraphml(graphml);
    expect(nodes.map((node) => node.attributes.id)).toEqual([COUNCIL, NEIGHBOURS]);
    expect(edges.map((edge) => [edge.attributes.id, edge.attributes.source, edge.attributes.target])).toEqual([
      ['relation-1', NEIGHBOURS, COUNCIL],
      ['relation-2', COUNCIL, NEIGHBOURS],
    ]);
    expect(graphml.match(/<node /g)).toHaveLength(2);
    expect(graphml.match(/<edge /g)).toHaveLength(2);
    expect(Object.values(dataOf(graph))).toEqual([INITIATIVE.title, INITIATIVE.slug]);
    expect(keys.get('n_power')).toMatchObject({ 'attr.name': 'power', 'attr.type': 'int' });
    expect(keys.get('n_x')).toMatchObject({ 'attr.name': 'x', 'attr.type': 'double' });
    expect(keys.get('e_strength')).toMatchObject({ for: 'edge', 'attr.name': 'strength', 'attr.type': 'int' });
    expect(keys.get('n_kind')).toMatchObject({ for: 'node', 'attr.name': 'kind', 'attr.type': 'string' });
    expect(keys.get('e_kind')).toMatchObject({ for: 'edge', 'attr.name': 'kind', 'attr.type': 'string' });
  });

  it('gives each node and edge its codes, texts and layout, leaving out what is not set', () => {
    const { nodes, edges } = readGraphml(stakeholderMapGraphml({ state: smallMap(), initiative: INITIATIVE }));
    expect(dataOf(nodes[0]!)).toMatchObject({ n_name: 'Valdemoro city council', n_ssc_role: 'driver_of_technology', n_organization_id: ORGANIZATION, n_power: '5' });
    expect(dataOf(nodes[1]!)).toEqual({
      n_name: 'Neighbours of Calle Mayor',
      n_kind: 'group',
      n_category: 'citizens',
      n_level: 'local',
      n_sector: 'civil_society',
      n_lfa_role: 'affected_opponent',
      n_power: '2',
      n_interest: '5',
      n_aims: 'Keep the street quiet, "and" green\nno lorries',
      n_challenges: 'Lorries at night',
      n_potential: 'Know the street',
      n_constraints: 'Little time',
      n_contribution: 'Tell us what they see',
      n_notes: 'Met on 3 May',
      n_x: '240.5',
      n_y: '-80',
    });
    expect(dataOf(edges[0]!)).toEqual({ e_kind: 'in_conflict_with', e_strength: '3', e_note: 'Petition of 1,200 signatures' });
  });

  it('escapes markup in every text and drops characters XML does not allow', () => {
    const state = smallMap();
    const name = `Tom & Jerry's "<b>Café</b>" ]]> 🚲`;
    state.stakeholders[0]!.name = name;
    state.stakeholders[0]!.notes = 'line one\r\nline two\u0000\u0007\u000B end';
    state.relations[0]!.note = '<script>alert("x")</script> & more';
    const graphml = stakeholderMapGraphml({ state, initiative: { title: 'Plaza <Mayor> & "Sol"', slug: 'plaza' } });
    expect(graphml).toContain('Tom &amp; Jerry&apos;s &quot;&lt;b&gt;Café&lt;/b&gt;&quot; ]]&gt; 🚲');
    expect(graphml).not.toContain('<b>');
    expect(graphml).not.toContain('<script>');
    expect(graphml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const { graph, nodes, edges } = readGraphml(graphml);
    expect(dataOf(nodes[0]!).n_name).toBe(name);
    expect(dataOf(nodes[0]!).n_notes).toBe('line one\r\nline two end');
    expect(dataOf(edges[0]!).e_note).toBe('<script>alert("x")</script> & more');
    expect(dataOf(graph).g_initiative_title).toBe('Plaza <Mayor> & "Sol"');
  });

  it('keeps an id with markup characters inside its attribute', () => {
    const state = smallMap();
    state.stakeholders[0]!.id = 'a"b<c';
    state.relations[0]!.to = 'a"b<c';
    state.relations[1]!.from = 'a"b<c';
    const { nodes, edges } = readGraphml(stakeholderMapGraphml({ state, initiative: INITIATIVE }));
    expect(nodes[0]!.attributes.id).toBe('a"b<c');
    expect(edges[0]!.attributes.target).toBe('a"b<c');
  });
});

describe('personal data', () => {
  const contacts = new Map([
    [COUNCIL, CONTACT],
    ['3f2b1c4d-5e6f-4a7b-8c9d-00000000dead', 'Left behind by a deleted stakeholder'],
  ]);
  const exports = {
    csv: (input: StakeholderMapExportInput) => stakeholderMapCsv(input),
    json: (input: StakeholderMapExportInput) => JSON.stringify(stakeholderMapJson({ ...input, exportedAt: EXPORTED_AT })),
    graphml: (input: StakeholderMapExportInput) => stakeholderMapGraphml(input),
  };

  it('leaves contact details out of every file when none are passed, down to the column name', () => {
    for (const [format, write] of Object.entries(exports)) {
      const body = write({ state: smallMap(), initiative: INITIATIVE });
      for (const personal of [CONTACT, 'ana.ortega@example.org', 'contact']) expect(body, format).not.toContain(personal);
    }
  });

  it('never exports the contact of a stakeholder that is not on the map', () => {
    for (const [format, write] of Object.entries(exports)) {
      const body = write({ state: smallMap(), contacts, initiative: INITIATIVE });
      expect(body, format).toContain(CONTACT);
      expect(body, format).not.toContain('Left behind');
    }
  });

  it('adds a contact column for staff, empty for a stakeholder without one', () => {
    const csv = stakeholderMapCsv({ state: smallMap(), contacts, initiative: INITIATIVE });
    expect(csv).toBe(`${HEADER},contact\r\n${COUNCIL_ROW},"${CONTACT}"\r\n${NEIGHBOURS_ROW},\r\n`);
  });

  it('adds contact to each stakeholder in the JSON for staff, null for one without', () => {
    const json = stakeholderMapJson({ state: smallMap(), contacts, initiative: INITIATIVE, exportedAt: EXPORTED_AT });
    expect(json.stakeholders.map((entry) => entry.contact)).toEqual([CONTACT, null]);
    const withoutContacts = stakeholderMapJson({ state: smallMap(), initiative: INITIATIVE, exportedAt: EXPORTED_AT });
    expect(withoutContacts.stakeholders.every((entry) => !('contact' in entry))).toBe(true);
  });

  it('declares a contact key in the GraphML for staff only', () => {
    const staff = readGraphml(stakeholderMapGraphml({ state: smallMap(), contacts, initiative: INITIATIVE }));
    expect(staff.keys.get('n_contact')).toMatchObject({ for: 'node', 'attr.name': 'contact', 'attr.type': 'string' });
    expect(dataOf(staff.nodes[0]!).n_contact).toBe(CONTACT);
    expect(dataOf(staff.nodes[1]!)).not.toHaveProperty('n_contact');
    const viewer = readGraphml(stakeholderMapGraphml({ state: smallMap(), initiative: INITIATIVE }));
    expect(viewer.keys.has('n_contact')).toBe(false);
  });
});

describe('file names and types', () => {
  it('names a download after the initiative slug and the format', () => {
    expect(stakeholderMapFileName('calle-mayor-lez', 'csv')).toBe('stakeholder-map-calle-mayor-lez.csv');
    expect(stakeholderMapFileName('calle-mayor-lez', 'json')).toBe('stakeholder-map-calle-mayor-lez.json');
    expect(stakeholderMapFileName('calle-mayor-lez', 'graphml')).toBe('stakeholder-map-calle-mayor-lez.graphml');
    expect(stakeholderMapFileName('../Plaza "Mayor"\r\n', 'csv')).toBe('stakeholder-map-plaza-mayor.csv');
    expect(STAKEHOLDER_MAP_CONTENT_TYPES.graphml).toBe('application/graphml+xml; charset=utf-8');
  });
});
