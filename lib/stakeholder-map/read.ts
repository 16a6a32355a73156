// Tolerant reading of one stakeholder or relation from the shared document. A document
// can hold values no form would write: data from an older version of Participa, a
// client with a bug, or a hostile editor. Reading never throws; each value that is not
// as expected is replaced by a safe one and counted.
import * as Y from 'yjs';
import { LONG_TEXT_MAX, NAME_MAX, type Relation, type Stakeholder } from './model';
import {
  LEVELS,
  LFA_ROLES,
  RATING_MAX,
  RATING_MIN,
  RELATION_KINDS,
  SECTORS,
  SSC_ROLES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  STRENGTH_MAX,
  USUAL_LEVEL,
  USUAL_SECTOR,
} from './vocabulary';

type Fields = { get(key: string): unknown };

/** The fields of a stored entry, whether a Y.Map or an early-format plain value; null otherwise. */
export function fieldsOf(value: unknown): Fields | null {
  if (value instanceof Y.Map) return value as Y.Map<unknown>;
  // Plain objects stored as one value (how an early draft of the map stored entries).
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Y.AbstractType)) {
    const record = value as Record<string, unknown>;
    return { get: (key) => record[key] };
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Reader {
  repaired = 0;
  constructor(private readonly fields: Fields) {}

  raw(key: string): unknown {
    return this.fields.get(key);
  }

  text(key: string, max: number): string {
    const value = this.raw(key);
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      this.repaired += 1;
      return '';
    }
    if (value.length > max) this.repaired += 1;
    return value.slice(0, max);
  }

  choice<T extends string>(key: string, choices: readonly T[], fallback: T): T {
    const value = this.raw(key);
    if ((choices as readonly unknown[]).includes(value)) return value as T;
    this.repaired += 1;
    return fallback;
  }

  optionalChoice<T extends string>(key: string, choices: readonly T[]): T | null {
    const value = this.raw(key);
    if (value === undefined || value === null) return null;
    if ((choices as readonly unknown[]).includes(value)) return value as T;
    this.repaired += 1;
    return null;
  }

  integer(key: string, min: number, max: number, fallback: number): number {
    const value = this.raw(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.repaired += 1;
      return fallback;
    }
    const fitted = Math.min(max, Math.max(min, Math.round(value)));
    if (fitted !== value) this.repaired += 1;
    return fitted;
  }

  coordinate(key: string, fallback: number): number {
    const value = this.raw(key);
    if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1_000_000) return value;
    this.repaired += 1;
    return fallback;
  }
}

/**
 * Where a stakeholder without a usable position is drawn: a spot derived from its id,
 * so that every browser puts it in the same place whatever order it reads entries in.
 */
function fallbackPosition(id: string) {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  const slot = Math.abs(hash) % 64;
  return { x: (slot % 8) * 240, y: Math.floor(slot / 8) * 160 };
}

export function readStakeholder(id: string, value: unknown): { stakeholder: Stakeholder; repaired: number } | null {
  const fields = fieldsOf(value);
  if (!fields) return null;
  const read = new Reader(fields);
  const category = read.choice('category', STAKEHOLDER_CATEGORIES, 'other');
  const fallback = fallbackPosition(id);
  // Version 0 called the level "scale", as organizations still do.
  const level = read.raw('level') === undefined && read.raw('scale') !== undefined ? read.choice('scale', LEVELS, USUAL_LEVEL[category]) : read.choice('level', LEVELS, USUAL_LEVEL[category]);
  const organizationId = read.raw('organizationId');
  const stakeholder: Stakeholder = {
    id,
    name: read.text('name', NAME_MAX).trim(),
    kind: read.choice('kind', STAKEHOLDER_KINDS, 'organization'),
    category,
    level,
    sector: read.choice('sector', SECTORS, USUAL_SECTOR[category]),
    lfaRole: read.choice('lfaRole', LFA_ROLES, 'active'),
    sscRole: read.optionalChoice('sscRole', SSC_ROLES),
    aims: read.text('aims', LONG_TEXT_MAX),
    challenges: read.text('challenges', LONG_TEXT_MAX),
    potential: read.text('potential', LONG_TEXT_MAX),
    constraints: read.text('constraints', LONG_TEXT_MAX),
    contribution: read.text('contribution', LONG_TEXT_MAX),
    power: read.integer('power', RATING_MIN, RATING_MAX, 3),
    interest: read.integer('interest', RATING_MIN, RATING_MAX, 3),
    organizationId: typeof organizationId === 'string' && UUID.test(organizationId) ? organizationId : null,
    notes: read.text('notes', LONG_TEXT_MAX),
    position: { x: read.coordinate('x', fallback.x), y: read.coordinate('y', fallback.y) },
  };
  if (organizationId !== undefined && organizationId !== null && stakeholder.organizationId === null) read.repaired += 1;
  return { stakeholder, repaired: read.repaired };
}

/** A relation, or null when it does not join two different stakeholders of the map. */
export function readRelation(id: string, value: unknown, stakeholderIds: ReadonlySet<string>): { relation: Relation; repaired: number } | null {
  const fields = fieldsOf(value);
  if (!fields) return null;
  const from = fields.get('from');
  const to = fields.get('to');
  if (typeof from !== 'string' || typeof to !== 'string' || from === to || !stakeholderIds.has(from) || !stakeholderIds.has(to)) return null;
  const read = new Reader(fields);
  return {
    relation: {
      id,
      from,
      to,
      kind: read.choice('kind', RELATION_KINDS, 'collaborates_with'),
      strength: read.integer('strength', 1, STRENGTH_MAX, 1),
      note: read.text('note', LONG_TEXT_MAX),
    },
    repaired: read.repaired,
  };
}
