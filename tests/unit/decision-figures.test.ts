// The accountability figures of lib/decisions/figures.ts on small consultations whose
// figures are easy to work out by hand: how many inputs were answered, how the answers
// came out, who took part, and whether one group shaped the decision beyond its share.
import { describe, expect, it } from 'vitest';
import {
  accountabilityCoverage,
  countByOutcome,
  countByParticipant,
  dominantCategories,
  participantKind,
  participationBalance,
  stakeholderCategoryOf,
  type AnsweredInput,
} from '@/lib/decisions/figures';
import type { ResponseOutcome } from '@/lib/decisions/vocabulary';
import type { InputChannel } from '@/lib/inputs/vocabulary';
import type { StakeholderCategory } from '@/lib/stakeholders/vocabulary';

function resident(outcome: ResponseOutcome | null = null): AnsweredInput {
  return { channel: 'online', organizationCategory: null, outcome };
}
function assisted(channel: Exclude<InputChannel, 'online'>, outcome: ResponseOutcome | null = null): AnsweredInput {
  return { channel, organizationCategory: null, outcome };
}
function organization(category: StakeholderCategory, outcome: ResponseOutcome | null = null, channel: InputChannel = 'online'): AnsweredInput {
  return { channel, organizationCategory: category, outcome };
}
const times = (count: number, make: () => AnsweredInput) => Array.from({ length: count }, make);

describe('accountability coverage', () => {
  it('is the share of published inputs that have a response', () => {
    const inputs = [resident('adopted'), resident('noted'), assisted('paper', 'not_adopted'), resident()];
    expect(accountabilityCoverage(inputs)).toEqual({ published: 4, answered: 3, unanswered: 1, share: 0.75 });
  });

  it('is complete once every input is answered', () => {
    expect(accountabilityCoverage([resident('partly_adopted'), organization('ngo', 'noted')])).toEqual({ published: 2, answered: 2, unanswered: 0, share: 1 });
  });

  it('has no share, rather than 0 % or 100 %, when nothing was published', () => {
    expect(accountabilityCoverage([])).toEqual({ published: 0, answered: 0, unanswered: 0, share: null });
  });
});

describe('outcome counts', () => {
  it('counts every outcome, unanswered inputs included, and zero for outcomes nobody got', () => {
    const inputs = [resident('adopted'), resident('adopted'), resident('partly_adopted'), organization('ngo', 'noted'), assisted('phone'), resident()];
    expect(countByOutcome(inputs)).toEqual({ adopted: 2, partly_adopted: 1, not_adopted: 0, noted: 1, unanswered: 2 });
  });

  it('is all zeros without inputs', () => {
    expect(countByOutcome([])).toEqual({ adopted: 0, partly_adopted: 0, not_adopted: 0, noted: 0, unanswered: 0 });
  });
});

describe('participants', () => {
  it('tells residents online from assisted input and from organizations', () => {
    expect(participantKind({ channel: 'online', organizationCategory: null })).toBe('resident');
    expect(participantKind({ channel: 'paper', organizationCategory: null })).toBe('assisted');
    expect(participantKind({ channel: 'meeting', organizationCategory: null })).toBe('assisted');
    // An organization's input counts as the organization's, however it reached the city.
    expect(participantKind({ channel: 'phone', organizationCategory: 'academia_research' })).toBe('organization');
  });

  it('counts people speaking for themselves as citizens in the stakeholder categories', () => {
    expect(stakeholderCategoryOf({ channel: 'online', organizationCategory: null })).toBe('citizens');
    expect(stakeholderCategoryOf({ channel: 'paper', organizationCategory: null })).toBe('citizens');
    expect(stakeholderCategoryOf({ channel: 'online', organizationCategory: 'ngo' })).toBe('ngo');
  });

  it('counts inputs by kind of participant, and organizations by category in the catalogue’s order', () => {
    const inputs = [
      resident(),
      resident(),
      resident(),
      assisted('paper'),
      assisted('meeting'),
      organization('ngo'),
      organization('academia_research'),
      organization('ngo', null, 'phone'),
      organization('utility_provider'),
    ];
    expect(countByParticipant(inputs)).toEqual({
      resident: 3,
      assisted: 2,
      organization: 4,
      organizationsByCategory: [
        { category: 'utility_provider', inputs: 1 },
        { category: 'ngo', inputs: 2 },
        { category: 'academia_research', inputs: 1 },
      ],
    });
  });

  it('lists no category when no organization took part', () => {
    expect(countByParticipant([resident(), assisted('phone')])).toEqual({ resident: 1, assisted: 1, organization: 0, organizationsByCategory: [] });
  });
});

describe('participation balance', () => {
  // Ten inputs: nine residents, none taken up; one NGO, adopted. The NGO gave 10 % of the
  // input and all of what shaped the decision.
  const dominated = [...times(9, () => resident('not_adopted')), organization('ngo', 'adopted')];

  it('gives each category its share of the inputs and of what shaped the decision, largest first', () => {
    expect(participationBalance(dominated)).toEqual([
      { category: 'citizens', inputs: 9, inputShare: 0.9, shaping: 0, shapingShare: 0, influenceGap: -0.9 },
      { category: 'ngo', inputs: 1, inputShare: 0.1, shaping: 1, shapingShare: 1, influenceGap: 0.9 },
    ]);
  });

  it('points out a group that shaped the decision far beyond its share of the inputs', () => {
    expect(dominantCategories(participationBalance(dominated))).toEqual(['ngo']);
  });

  it('counts adopted and partly adopted inputs as shaping, and neither noted nor unanswered ones', () => {
    const inputs = [resident('adopted'), resident('partly_adopted'), resident('noted'), resident(), organization('ngo', 'not_adopted')];
    const [citizens, ngo] = participationBalance(inputs);
    expect(citizens).toMatchObject({ category: 'citizens', inputs: 4, inputShare: 0.8, shaping: 2, shapingShare: 1 });
    expect(citizens!.influenceGap).toBeCloseTo(0.2);
    expect(ngo).toEqual({ category: 'ngo', inputs: 1, inputShare: 0.2, shaping: 0, shapingShare: 0, influenceGap: -0.2 });
  });

  it('points out nobody when influence follows the share of the inputs', () => {
    const balanced = [resident('adopted'), resident('not_adopted'), organization('ngo', 'partly_adopted'), organization('ngo', 'noted')];
    const balance = participationBalance(balanced);
    expect(balance.map((row) => [row.category, row.inputShare, row.shapingShare, row.influenceGap])).toEqual([
      ['citizens', 0.5, 0.5, 0],
      ['ngo', 0.5, 0.5, 0],
    ]);
    expect(dominantCategories(balance)).toEqual([]);
  });

  it('has no shaping share and points out nobody while no input has shaped the decision', () => {
    const balance = participationBalance([resident('not_adopted'), organization('ngo', 'noted'), assisted('paper')]);
    expect(balance).toEqual([
      { category: 'citizens', inputs: 2, inputShare: 2 / 3, shaping: 0, shapingShare: null, influenceGap: null },
      { category: 'ngo', inputs: 1, inputShare: 1 / 3, shaping: 0, shapingShare: null, influenceGap: null },
    ]);
    expect(dominantCategories(balance)).toEqual([]);
  });

  it('points out a group exactly 15 points above its share, and not one 10 points above', () => {
    // Forty inputs, twenty of them shaping. Academia gave 8 (20 %) and shaped 7 of the
    // 20 (35 %): a gap of exactly 15 points, which floating point alone computes as 0.1499….
    const exact = participationBalance([
      ...times(7, () => organization('academia_research', 'adopted')),
      organization('academia_research', 'not_adopted'),
      ...times(13, () => resident('adopted')),
      ...times(19, () => resident('not_adopted')),
    ]);
    expect(exact.find((row) => row.category === 'academia_research')).toMatchObject({ inputs: 8, inputShare: 0.2, shaping: 7, shapingShare: 0.35 });
    expect(dominantCategories(exact)).toEqual(['academia_research']);

    // The same with 6 of the 20 (30 %): 10 points above its share is not dominance.
    const below = participationBalance([
      ...times(6, () => organization('academia_research', 'adopted')),
      ...times(2, () => organization('academia_research', 'not_adopted')),
      ...times(14, () => resident('adopted')),
      ...times(18, () => resident('not_adopted')),
    ]);
    expect(dominantCategories(below)).toEqual([]);
  });
});
