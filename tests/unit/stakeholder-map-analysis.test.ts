// The analysis of lib/stakeholder-map/analysis.ts on small maps whose figures can be worked
// out by hand (see the notes beside each case), plus a large generated map and a check of
// betweenness against its definition.
import { describe, expect, it } from 'vitest';
import {
  analyseMap,
  betweennessCentrality,
  brokers,
  countStakeholders,
  degreeCentrality,
  mapWarnings,
  POWER_CONCENTRATION_MIN_STAKEHOLDERS,
  POWER_CONCENTRATION_SHARE,
  SSC_CATEGORIES,
} from '@/lib/stakeholder-map/analysis';
import { newStakeholderFields } from '@/lib/stakeholder-map/document';
import type { Relation, Stakeholder, StakeholderFields, StakeholderMapState } from '@/lib/stakeholder-map/model';
import { STAKEHOLDER_CATEGORIES } from '@/lib/stakeholder-map/vocabulary';

function stakeholder(id: string, fields: Partial<StakeholderFields> = {}): Stakeholder {
  return { id, ...newStakeholderFields('municipality', { name: id, ...fields }) };
}

let relationCount = 0;
function relation(from: string, to: string, kind: Relation['kind'] = 'collaborates_with'): Relation {
  relationCount += 1;
  return { id: `r${relationCount}`, from, to, kind, strength: 1, note: '' };
}

/** A map of the named stakeholders (defaults) linked by "a-b" pairs. */
function network(ids: string[], edges: string[]): StakeholderMapState {
  return {
    stakeholders: ids.map((id) => stakeholder(id)),
    relations: edges.map((edge) => {
      const [from, to] = edge.split('-') as [string, string];
      return relation(from, to);
    }),
  };
}

const normalizedBetweenness = (state: StakeholderMapState) =>
  Object.fromEntries(Object.entries(betweennessCentrality(state)).map(([id, value]) => [id, value.normalized]));

describe('countStakeholders', () => {
  it('counts every vocabulary key, zeros included, and stakeholders without an SSC role as none', () => {
    const state: StakeholderMapState = {
      stakeholders: [
        stakeholder('city', { category: 'municipality', level: 'local', sector: 'public', lfaRole: 'active', sscRole: 'enabler_of_ssc' }),
        stakeholder('telco', { category: 'ict_company', level: 'national', sector: 'private', lfaRole: 'active', sscRole: 'enabler_of_technology' }),
        stakeholder('residents', { category: 'citizens', level: 'local', sector: 'civil_society', lfaRole: 'affected_opponent', sscRole: null }),
        stakeholder('neighbours', { category: 'citizens', level: 'local', sector: 'civil_society', lfaRole: 'affected_supporter', sscRole: null }),
      ],
      relations: [],
    };
    const counts = countStakeholders(state);

    expect(counts.total).toBe(4);
    expect(Object.keys(counts.byCategory)).toEqual([...STAKEHOLDER_CATEGORIES]);
    expect(counts.byCategory).toMatchObject({ municipality: 1, ict_company: 1, citizens: 2, ngo: 0, other: 0 });
    expect(counts.byLevel).toEqual({ local: 3, sub_national: 0, national: 1, international: 0 });
    expect(counts.bySector).toEqual({ public: 1, private: 1, civil_society: 2, academic: 0 });
    expect(counts.byLfaRole).toEqual({ active: 2, beneficiary: 0, affected_supporter: 1, affected_opponent: 1 });
    expect(counts.bySscRole).toEqual({ enabler_of_technology: 1, driver_of_technology: 0, enabler_of_ssc: 1, none: 2 });
  });
});

describe('degreeCentrality', () => {
  it('gives the centre of a star every other stakeholder and each leaf one', () => {
    const degree = degreeCentrality(network(['hub', 'a', 'b', 'c', 'd'], ['hub-a', 'b-hub', 'hub-c', 'd-hub']));

    expect(degree.hub).toEqual({ degree: 4, normalized: 1 });
    for (const leaf of ['a', 'b', 'c', 'd']) expect(degree[leaf]).toEqual({ degree: 1, normalized: 0.25 });
  });

  it('counts a pair linked by several relations, in either direction, as one neighbour', () => {
    const state = network(['a', 'b', 'c'], ['a-b', 'a-b', 'b-a', 'b-c']);
    state.relations.push(relation('a', 'b', 'funds'));
    const degree = degreeCentrality(state);

    expect(degree.a).toEqual({ degree: 1, normalized: 0.5 });
    expect(degree.b).toEqual({ degree: 2, normalized: 1 });
  });

  it('gives a lone stakeholder degree 0 without dividing by zero', () => {
    expect(degreeCentrality(network(['alone'], []))).toEqual({ alone: { degree: 0, normalized: 0 } });
  });

  it('ignores a relation whose other end is not on the map', () => {
    const degree = degreeCentrality(network(['a', 'b'], ['a-b', 'a-gone']));
    expect(degree.a).toEqual({ degree: 1, normalized: 1 });
  });
});

describe('betweennessCentrality', () => {
  it('puts the middle of a path a–b–c on the only shortest path between the ends', () => {
    const betweenness = betweennessCentrality(network(['a', 'b', 'c'], ['a-b', 'b-c']));

    expect(betweenness.b).toEqual({ betweenness: 1, normalized: 1 });
    expect(betweenness.a).toEqual({ betweenness: 0, normalized: 0 });
    expect(betweenness.c).toEqual({ betweenness: 0, normalized: 0 });
  });

  it('puts the centre of a star between every pair of leaves', () => {
    // Five leaves make ten pairs, all through the hub: 10 ÷ (5·4/2) = 1.
    const betweenness = betweennessCentrality(network(['hub', 'a', 'b', 'c', 'd', 'e'], ['hub-a', 'hub-b', 'hub-c', 'hub-d', 'e-hub']));

    expect(betweenness.hub).toEqual({ betweenness: 10, normalized: 1 });
    for (const leaf of ['a', 'b', 'c', 'd', 'e']) expect(betweenness[leaf]!.normalized).toBe(0);
  });

  it('gives every corner of a square the same share', () => {
    // Opposite corners have two shortest paths, one through each of the others: 1/2 each,
    // over 3·2/2 = 3 pairs, so 1/6.
    const betweenness = betweennessCentrality(network(['a', 'b', 'c', 'd'], ['a-b', 'b-c', 'c-d', 'd-a']));

    for (const corner of ['a', 'b', 'c', 'd']) {
      expect(betweenness[corner]!.betweenness).toBeCloseTo(0.5, 12);
      expect(betweenness[corner]!.normalized).toBeCloseTo(1 / 6, 12);
    }
  });

  it('weighs the middle of a longer path more than its neighbours', () => {
    // a–b–c–d–e: b lies between a and {c, d, e} (3), c between {a, b} and {d, e} (4).
    const betweenness = normalizedBetweenness(network(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'c-d', 'd-e']));

    expect(betweenness.b).toBeCloseTo(3 / 6, 12);
    expect(betweenness.c).toBeCloseTo(4 / 6, 12);
    expect(betweenness.d).toBeCloseTo(3 / 6, 12);
    expect(betweenness.a).toBe(0);
  });

  it('counts only pairs that can reach each other across disconnected components', () => {
    // a–b–c, d–e and a lone f: only a and c are joined through someone (b), over 5·4/2 = 10 pairs.
    const betweenness = betweennessCentrality(network(['a', 'b', 'c', 'd', 'e', 'f'], ['a-b', 'b-c', 'd-e']));

    expect(betweenness.b).toEqual({ betweenness: 1, normalized: 0.1 });
    for (const other of ['a', 'c', 'd', 'e', 'f']) expect(betweenness[other]!.betweenness).toBe(0);
  });

  it('does not count a pair linked by several relations as several shortest paths', () => {
    // With duplicates counted, a would reach c by three paths through b and one through d.
    const betweenness = normalizedBetweenness(network(['a', 'b', 'c', 'd'], ['a-b', 'b-a', 'a-b', 'b-c', 'a-d', 'd-c']));

    expect(betweenness.b).toBeCloseTo(betweenness.d!, 12);
  });

  it('is 0 on maps of fewer than three stakeholders', () => {
    expect(betweennessCentrality(network(['a', 'b'], ['a-b']))).toEqual({
      a: { betweenness: 0, normalized: 0 },
      b: { betweenness: 0, normalized: 0 },
    });
    expect(betweennessCentrality(network([], []))).toEqual({});
  });

  it('matches the definition, pair by pair, on a random map', () => {
    const state = generatedMap(30, 45, 7);
    const betweenness = betweennessCentrality(state);
    const expected = betweennessByDefinition(state);

    for (const { id } of state.stakeholders) expect(betweenness[id]!.betweenness).toBeCloseTo(expected[id]!, 9);
  });
});

describe('brokers', () => {
  // a–b–c–d–e where b is named "Zeta" and d "Alpha": c first, then the tie between d and b by name.
  const state = network(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'c-d', 'd-e']);
  state.stakeholders = state.stakeholders.map((entry) => ({ ...entry, name: { b: 'Zeta', d: 'Alpha' }[entry.id] ?? entry.id }));

  it('orders those who lie between others by betweenness, ties by name, leaving out the rest', () => {
    const ranked = brokers(state);

    expect(ranked.map((broker) => broker.id)).toEqual(['c', 'd', 'b']);
    expect(ranked[0]).toEqual({ id: 'c', name: 'c', betweenness: expect.closeTo(4 / 6, 12), degree: 2 });
  });

  it('returns at most limit brokers', () => {
    expect(brokers(state, 2).map((broker) => broker.id)).toEqual(['c', 'd']);
  });

  it('finds no brokers when everyone is linked to everyone', () => {
    expect(brokers(network(['a', 'b', 'c'], ['a-b', 'b-c', 'c-a']))).toEqual([]);
  });
});

describe('mapWarnings', () => {
  it('reports only that an empty map is empty', () => {
    expect(mapWarnings({ stakeholders: [], relations: [] })).toEqual([{ kind: 'map_empty' }]);
  });

  describe('affected_without_relation', () => {
    const affectedWarningsOf = (state: StakeholderMapState) => mapWarnings(state).filter((warning) => warning.kind === 'affected_without_relation');

    it('names each affected stakeholder, supporter or opponent, that has no relation', () => {
      const state: StakeholderMapState = {
        stakeholders: [
          stakeholder('city'),
          stakeholder('shops', { name: 'Shopkeepers', lfaRole: 'affected_supporter' }),
          stakeholder('residents', { name: 'Residents', lfaRole: 'affected_opponent' }),
          stakeholder('lonely-active', { lfaRole: 'active' }),
          stakeholder('lonely-beneficiary', { lfaRole: 'beneficiary' }),
        ],
        relations: [],
      };

      expect(affectedWarningsOf(state)).toEqual([
        {
          kind: 'affected_without_relation',
          stakeholders: [
            { id: 'shops', name: 'Shopkeepers' },
            { id: 'residents', name: 'Residents' },
          ],
        },
      ]);
    });

    it('stays silent once each affected stakeholder has a relation, at either end', () => {
      const state: StakeholderMapState = {
        stakeholders: [
          stakeholder('city'),
          stakeholder('shops', { lfaRole: 'affected_supporter' }),
          stakeholder('residents', { lfaRole: 'affected_opponent' }),
        ],
        relations: [relation('shops', 'city'), relation('city', 'residents', 'informs')],
      };

      expect(affectedWarningsOf(state)).toEqual([]);
    });
  });

  describe('categories_missing', () => {
    const missingOf = (state: StakeholderMapState) => mapWarnings(state).find((warning) => warning.kind === 'categories_missing');

    it('lists the SSC categories nobody on the map represents, never other', () => {
      const warning = missingOf({ stakeholders: [stakeholder('city', { category: 'municipality' })], relations: [] });

      expect(warning).toEqual({ kind: 'categories_missing', categories: SSC_CATEGORIES.filter((category) => category !== 'municipality') });
      expect(SSC_CATEGORIES).toHaveLength(12);
      expect(SSC_CATEGORIES).not.toContain('other');
    });

    it('stays silent when all twelve categories are on the map, with no other', () => {
      const stakeholders = SSC_CATEGORIES.map((category) => stakeholder(category, { category }));
      expect(missingOf({ stakeholders, relations: [] })).toBeUndefined();
    });
  });

  describe('power_concentrated', () => {
    const concentrationOf = (state: StakeholderMapState) => mapWarnings(state).find((warning) => warning.kind === 'power_concentrated');
    const withPowers = (publicPowers: number[], privatePowers: number[]): StakeholderMapState => ({
      stakeholders: [
        ...publicPowers.map((power, index) => stakeholder(`public-${index}`, { sector: 'public', power })),
        ...privatePowers.map((power, index) => stakeholder(`private-${index}`, { sector: 'private', power })),
      ],
      relations: [],
    });

    it('uses the thresholds the module names', () => {
      expect(POWER_CONCENTRATION_MIN_STAKEHOLDERS).toBe(4);
      expect(POWER_CONCENTRATION_SHARE).toBe(0.6);
    });

    it('fires from four stakeholders on, not at three', () => {
      expect(concentrationOf(withPowers([3, 3, 3], []))).toBeUndefined();
      expect(concentrationOf(withPowers([3, 3, 3, 3], []))).toEqual({ kind: 'power_concentrated', sector: 'public', share: 1 });
    });

    it('fires when one sector holds exactly 60 % of the power', () => {
      // 2 + 1 of 5 with four stakeholders.
      expect(concentrationOf(withPowers([2, 1], [1, 1]))).toEqual({ kind: 'power_concentrated', sector: 'public', share: 0.6 });
      // 60 of 100.
      expect(concentrationOf(withPowers(Array<number>(12).fill(5), Array<number>(8).fill(5)))).toEqual({
        kind: 'power_concentrated',
        sector: 'public',
        share: 0.6,
      });
    });

    it('stays silent at 59 %', () => {
      // 11·5 + 4 = 59 public against 8·5 + 1 = 41 private.
      expect(concentrationOf(withPowers([...Array<number>(11).fill(5), 4], [...Array<number>(8).fill(5), 1]))).toBeUndefined();
    });

    it('names whichever sector dominates', () => {
      expect(concentrationOf(withPowers([1, 1], [5, 5]))).toEqual({ kind: 'power_concentrated', sector: 'private', share: 10 / 12 });
    });
  });
});

describe('analyseMap', () => {
  it('bundles the same figures the single functions give', () => {
    const state = network(['a', 'b', 'c', 'd', 'e'], ['a-b', 'b-c', 'c-d', 'd-e']);

    expect(analyseMap(state)).toEqual({
      counts: countStakeholders(state),
      degree: degreeCentrality(state),
      betweenness: betweennessCentrality(state),
      brokers: brokers(state),
      warnings: mapWarnings(state),
    });
  });

  it('describes an empty map without failing', () => {
    const analysis = analyseMap({ stakeholders: [], relations: [] });

    expect(analysis.counts.total).toBe(0);
    expect(Object.values(analysis.counts.byCategory).every((count) => count === 0)).toBe(true);
    expect(analysis.degree).toEqual({});
    expect(analysis.betweenness).toEqual({});
    expect(analysis.brokers).toEqual([]);
    expect(analysis.warnings).toEqual([{ kind: 'map_empty' }]);
  });

  it('gives every stakeholder of a 500-stakeholder, 1,500-relation map its figures', () => {
    const state = generatedMap(500, 1_500, 42);
    const analysis = analyseMap(state);

    for (const { id } of state.stakeholders) {
      expect(analysis.degree[id]!.normalized).toBeGreaterThanOrEqual(0);
      expect(analysis.degree[id]!.normalized).toBeLessThanOrEqual(1);
      expect(analysis.betweenness[id]!.normalized).toBeGreaterThanOrEqual(0);
      expect(analysis.betweenness[id]!.normalized).toBeLessThanOrEqual(1);
    }
    const distinctPairs = new Set(state.relations.map(({ from, to }) => [from, to].sort().join('|')));
    const degreeSum = Object.values(analysis.degree).reduce((sum, { degree }) => sum + degree, 0);
    expect(degreeSum).toBe(2 * distinctPairs.size);
    expect(analysis.brokers).toHaveLength(5);
  });
});

/** A reproducible random map (a linear congruential generator, so failures can be replayed). */
function generatedMap(size: number, relationTotal: number, seed: number): StakeholderMapState {
  let state = seed;
  const next = (bound: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % bound;
  };
  const stakeholders = Array.from({ length: size }, (_, index) => stakeholder(`s${index}`, { name: `Stakeholder ${index}` }));
  const relations: Relation[] = [];
  while (relations.length < relationTotal) {
    const from = next(size);
    const to = next(size);
    if (from !== to) relations.push(relation(`s${from}`, `s${to}`));
  }
  return { stakeholders, relations };
}

/**
 * Betweenness straight from its definition, for checking: for every pair s, t and every v,
 * the share σ(s,v)·σ(v,t) / σ(s,t) of shortest s–t paths through v.
 */
function betweennessByDefinition(state: StakeholderMapState): Record<string, number> {
  const ids = state.stakeholders.map(({ id }) => id);
  const neighbours = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const { from, to } of state.relations) {
    neighbours.get(from)!.add(to);
    neighbours.get(to)!.add(from);
  }
  const search = (source: string) => {
    const distance = new Map([[source, 0]]);
    const paths = new Map([[source, 1]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head += 1) {
      const v = queue[head]!;
      for (const w of neighbours.get(v)!) {
        if (!distance.has(w)) {
          distance.set(w, distance.get(v)! + 1);
          paths.set(w, 0);
          queue.push(w);
        }
        if (distance.get(w) === distance.get(v)! + 1) paths.set(w, paths.get(w)! + paths.get(v)!);
      }
    }
    return { distance, paths };
  };
  const searches = new Map(ids.map((id) => [id, search(id)]));
  const result = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const [i, s] of ids.entries()) {
    for (const t of ids.slice(i + 1)) {
      const fromS = searches.get(s)!;
      const fromT = searches.get(t)!;
      const distance = fromS.distance.get(t);
      if (distance === undefined) continue;
      for (const v of ids) {
        if (v === s || v === t) continue;
        const toV = fromS.distance.get(v);
        const vToT = fromT.distance.get(v);
        if (toV === undefined || vToT === undefined || toV + vToT !== distance) continue;
        result[v]! += (fromS.paths.get(v)! * fromT.paths.get(v)!) / fromS.paths.get(t)!;
      }
    }
  }
  return result;
}
