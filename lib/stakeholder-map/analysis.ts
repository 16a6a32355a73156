// Figures a stakeholder map page shows beside the diagram: how the stakeholders are spread
// over the vocabulary of ITU-T Y.Suppl.34, who sits between others in the network of
// relations, and what the Supplement asks a map to watch for (the affected left out,
// categories of clause 3.1 nobody represents, power held by one sector, clause 4.1).
// Pure functions over StakeholderMapState so the page, exports and tests share one answer.
//
// The network is read as undirected: "A funds B" and "B informs A" both mean A and B deal
// with each other, and a broker is someone whom others reach through, whichever way the
// arrows point. Several relations between one pair are one edge, so a pair that records
// many kinds of dealings does not outweigh a pair that records one.
import type { StakeholderMapState } from './model';
import {
  LEVELS,
  LFA_ROLES,
  SECTORS,
  SSC_ROLES,
  STAKEHOLDER_CATEGORIES,
  isAffected,
  type Level,
  type LfaRole,
  type Sector,
  type SscRole,
  type StakeholderCategory,
} from './vocabulary';

/** Clause 3.1 lists twelve SSC categories; 'other' is a catch-all nobody is expected to fill. */
export const SSC_CATEGORIES: readonly StakeholderCategory[] = STAKEHOLDER_CATEGORIES.filter((category) => category !== 'other');

/**
 * With fewer stakeholders than this, one sector holding most of the power says more about
 * an unfinished map than about the city, so the warning would only be noise.
 */
export const POWER_CONCENTRATION_MIN_STAKEHOLDERS = 4;

/**
 * Share of the summed power (0–1) at which one sector is said to dominate. Clause 4.1 warns
 * that better-funded groups "may overpower the influence of other groups"; 60 % leaves the
 * other three sectors together clearly outweighed, while a sector merely leading does not fire.
 */
export const POWER_CONCENTRATION_SHARE = 0.6;

/** The key counted for stakeholders without a role towards the smart sustainable city. */
export const NO_SSC_ROLE = 'none';

export interface StakeholderCounts {
  total: number;
  byCategory: Record<StakeholderCategory, number>;
  byLevel: Record<Level, number>;
  bySector: Record<Sector, number>;
  byLfaRole: Record<LfaRole, number>;
  bySscRole: Record<SscRole | typeof NO_SSC_ROLE, number>;
}

export interface DegreeCentrality {
  /** Distinct stakeholders this one has at least one relation with. */
  degree: number;
  /** degree ÷ (n − 1), 0–1; 0 when the map has one stakeholder or none. */
  normalized: number;
}

export interface BetweennessCentrality {
  /** Sum over pairs of others of the share of their shortest paths that pass through this one. */
  betweenness: number;
  /** betweenness ÷ ((n − 1)(n − 2) / 2), 0–1; 0 when the map has fewer than three stakeholders. */
  normalized: number;
}

export interface Broker {
  id: string;
  name: string;
  /** Normalized betweenness, 0–1. */
  betweenness: number;
  degree: number;
}

export interface StakeholderRef {
  id: string;
  name: string;
}

export type MapWarning =
  | { kind: 'map_empty' }
  | { kind: 'affected_without_relation'; stakeholders: StakeholderRef[] }
  | { kind: 'categories_missing'; categories: StakeholderCategory[] }
  | { kind: 'power_concentrated'; sector: Sector; share: number };
export type MapWarningKind = MapWarning['kind'];

export interface MapAnalysis {
  counts: StakeholderCounts;
  degree: Record<string, DegreeCentrality>;
  betweenness: Record<string, BetweennessCentrality>;
  brokers: Broker[];
  warnings: MapWarning[];
}

export const DEFAULT_BROKER_LIMIT = 5;

function zeroCounts<Key extends string>(keys: readonly Key[]): Record<Key, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
}

export function countStakeholders(state: StakeholderMapState): StakeholderCounts {
  const counts: StakeholderCounts = {
    total: state.stakeholders.length,
    byCategory: zeroCounts(STAKEHOLDER_CATEGORIES),
    byLevel: zeroCounts(LEVELS),
    bySector: zeroCounts(SECTORS),
    byLfaRole: zeroCounts(LFA_ROLES),
    bySscRole: zeroCounts([...SSC_ROLES, NO_SSC_ROLE]),
  };
  for (const stakeholder of state.stakeholders) {
    counts.byCategory[stakeholder.category] += 1;
    counts.byLevel[stakeholder.level] += 1;
    counts.bySector[stakeholder.sector] += 1;
    counts.byLfaRole[stakeholder.lfaRole] += 1;
    counts.bySscRole[stakeholder.sscRole ?? NO_SSC_ROLE] += 1;
  }
  return counts;
}

/** Stakeholders as indices 0…n−1 in map order, with the distinct neighbours of each. */
interface Network {
  ids: string[];
  neighbours: number[][];
}

function buildNetwork(state: StakeholderMapState): Network {
  const ids = state.stakeholders.map((stakeholder) => stakeholder.id);
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const neighbourSets = ids.map(() => new Set<number>());
  for (const relation of state.relations) {
    const from = indexOf.get(relation.from);
    const to = indexOf.get(relation.to);
    // A relation whose other end was just deleted by a collaborator can outlive it for a
    // moment in the shared document; it links nobody on the map, so it is not an edge.
    if (from === undefined || to === undefined || from === to) continue;
    neighbourSets[from]!.add(to);
    neighbourSets[to]!.add(from);
  }
  return { ids, neighbours: neighbourSets.map((set) => [...set]) };
}

function degreeOf(network: Network): Record<string, DegreeCentrality> {
  const n = network.ids.length;
  return Object.fromEntries(
    network.ids.map((id, index) => {
      const degree = network.neighbours[index]!.length;
      return [id, { degree, normalized: n > 1 ? degree / (n - 1) : 0 }];
    }),
  );
}

/**
 * Brandes (2001), "A faster algorithm for betweenness centrality": one breadth-first search
 * per source and one pass back, O(V·E) instead of the O(V³) of counting all pairs' paths.
 * Predecessors are found again from the distances on the way back instead of being stored,
 * which keeps the search free of per-source allocations.
 */
function betweennessOf(network: Network): Record<string, BetweennessCentrality> {
  const { ids, neighbours } = network;
  const n = ids.length;
  const centrality = new Float64Array(n);
  const pathCount = new Float64Array(n);
  const dependency = new Float64Array(n);
  const distance = new Int32Array(n);
  // Vertices in the order they were reached; read backwards, it is Brandes' stack.
  const order = new Int32Array(n);

  for (let source = 0; source < n; source += 1) {
    pathCount.fill(0);
    dependency.fill(0);
    distance.fill(-1);
    pathCount[source] = 1;
    distance[source] = 0;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head]!;
      head += 1;
      for (const w of neighbours[v]!) {
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          order[tail] = w;
          tail += 1;
        }
        if (distance[w] === distance[v]! + 1) pathCount[w]! += pathCount[v]!;
      }
    }
    for (let position = tail - 1; position > 0; position -= 1) {
      const w = order[position]!;
      const share = (1 + dependency[w]!) / pathCount[w]!;
      for (const v of neighbours[w]!) {
        if (distance[v] === distance[w]! - 1) dependency[v]! += pathCount[v]! * share;
      }
      centrality[w]! += dependency[w]!;
    }
  }

  // Every unordered pair was counted once from each end.
  const pairs = ((n - 1) * (n - 2)) / 2;
  return Object.fromEntries(
    ids.map((id, index) => {
      const betweenness = centrality[index]! / 2;
      return [id, { betweenness, normalized: n >= 3 ? betweenness / pairs : 0 }];
    }),
  );
}

export function degreeCentrality(state: StakeholderMapState): Record<string, DegreeCentrality> {
  return degreeOf(buildNetwork(state));
}

export function betweennessCentrality(state: StakeholderMapState): Record<string, BetweennessCentrality> {
  return betweennessOf(buildNetwork(state));
}

function rankBrokers(
  state: StakeholderMapState,
  degree: Record<string, DegreeCentrality>,
  betweenness: Record<string, BetweennessCentrality>,
  limit: number,
): Broker[] {
  return state.stakeholders
    .map((stakeholder) => ({
      id: stakeholder.id,
      name: stakeholder.name,
      betweenness: betweenness[stakeholder.id]!.normalized,
      degree: degree[stakeholder.id]!.degree,
    }))
    .filter((broker) => broker.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, limit));
}

/** Who others reach each other through, most first: the people to keep informed and on side. */
export function brokers(state: StakeholderMapState, limit = DEFAULT_BROKER_LIMIT): Broker[] {
  const network = buildNetwork(state);
  return rankBrokers(state, degreeOf(network), betweennessOf(network), limit);
}

function warningsOf(state: StakeholderMapState, counts: StakeholderCounts, degree: Record<string, DegreeCentrality>): MapWarning[] {
  if (state.stakeholders.length === 0) return [{ kind: 'map_empty' }];
  const warnings: MapWarning[] = [];

  // Clause 3.2 a: the affected are the ones a map most easily records and then forgets.
  const isolatedAffected = state.stakeholders
    .filter((stakeholder) => isAffected(stakeholder.lfaRole) && degree[stakeholder.id]!.degree === 0)
    .map(({ id, name }) => ({ id, name }));
  if (isolatedAffected.length > 0) warnings.push({ kind: 'affected_without_relation', stakeholders: isolatedAffected });

  const missing = SSC_CATEGORIES.filter((category) => counts.byCategory[category] === 0);
  if (missing.length > 0) warnings.push({ kind: 'categories_missing', categories: missing });

  if (state.stakeholders.length >= POWER_CONCENTRATION_MIN_STAKEHOLDERS) {
    const powerBySector = zeroCounts(SECTORS);
    let totalPower = 0;
    for (const stakeholder of state.stakeholders) {
      powerBySector[stakeholder.sector] += stakeholder.power;
      totalPower += stakeholder.power;
    }
    // Dividing and then comparing is exact at the threshold (6 ÷ 10 is the same double as
    // 0.6), where multiplying the threshold out is not.
    const dominant = SECTORS.map((sector) => ({ sector, share: totalPower > 0 ? powerBySector[sector] / totalPower : 0 })).find(
      ({ share }) => share >= POWER_CONCENTRATION_SHARE,
    );
    if (dominant) warnings.push({ kind: 'power_concentrated', sector: dominant.sector, share: dominant.share });
  }
  return warnings;
}

export function mapWarnings(state: StakeholderMapState): MapWarning[] {
  return warningsOf(state, countStakeholders(state), degreeOf(buildNetwork(state)));
}

/** Everything the analysis panel shows, with the network built and searched once. */
export function analyseMap(state: StakeholderMapState): MapAnalysis {
  const network = buildNetwork(state);
  const counts = countStakeholders(state);
  const degree = degreeOf(network);
  const betweenness = betweennessOf(network);
  return {
    counts,
    degree,
    betweenness,
    brokers: rankBrokers(state, degree, betweenness, DEFAULT_BROKER_LIMIT),
    warnings: warningsOf(state, counts, degree),
  };
}
