// The accountability figures of a consultation, as pure functions of its published
// inputs and what became of them: how many were answered (coverage), how the answers
// came out, who took part, and whose input shaped the decision (balance).
import type { InputChannel } from '@/lib/inputs/vocabulary';
import { STAKEHOLDER_CATEGORIES, type StakeholderCategory } from '@/lib/stakeholders/vocabulary';
import { isShapingOutcome, RESPONSE_OUTCOMES, type ParticipantKind, type ResponseOutcome } from './vocabulary';

/** Where an input came from, as far as the public figures need to know. */
export interface InputOrigin {
  channel: InputChannel;
  /** The stakeholder category of the organization it was given on behalf of, if any. */
  organizationCategory: StakeholderCategory | null;
}

/** An organization's input counts as the organization's, however it reached the city. */
export function participantKind({ channel, organizationCategory }: InputOrigin): ParticipantKind {
  if (organizationCategory !== null) return 'organization';
  return channel === 'online' ? 'resident' : 'assisted';
}

/** People speaking for themselves belong to the seed's "citizens" category. */
export function stakeholderCategoryOf({ organizationCategory }: InputOrigin): StakeholderCategory {
  return organizationCategory ?? 'citizens';
}

export interface AnsweredInput extends InputOrigin {
  /** The outcome of its own response or of its theme's; null while unanswered. */
  outcome: ResponseOutcome | null;
}

export interface Coverage {
  published: number;
  answered: number;
  unanswered: number;
  /** answered ÷ published, from 0 to 1; null when nothing was published. */
  share: number | null;
}

export function accountabilityCoverage(inputs: readonly Pick<AnsweredInput, 'outcome'>[]): Coverage {
  const answered = inputs.filter((input) => input.outcome !== null).length;
  return { published: inputs.length, answered, unanswered: inputs.length - answered, share: inputs.length === 0 ? null : answered / inputs.length };
}

/**
 * The values of the coverage sentence. The share is rounded down to a whole percent, so
 * 199 answers out of 200 never read as 100%.
 */
export function coverageMessageValues({ answered, published, share }: Coverage): { answered: number; published: number; share: number } {
  return { answered, published, share: share === null ? 0 : Math.floor(share * 100) / 100 };
}

export type OutcomeCounts = Record<ResponseOutcome | 'unanswered', number>;

export function countByOutcome(inputs: readonly Pick<AnsweredInput, 'outcome'>[]): OutcomeCounts {
  const counts = { unanswered: 0, ...Object.fromEntries(RESPONSE_OUTCOMES.map((outcome) => [outcome, 0])) } as OutcomeCounts;
  for (const input of inputs) counts[input.outcome ?? 'unanswered'] += 1;
  return counts;
}

export interface ParticipantCounts {
  resident: number;
  assisted: number;
  organization: number;
  /** Organizations' inputs by stakeholder category, only categories that gave input. */
  organizationsByCategory: Array<{ category: StakeholderCategory; inputs: number }>;
}

export function countByParticipant(inputs: readonly InputOrigin[]): ParticipantCounts {
  const counts: ParticipantCounts = { resident: 0, assisted: 0, organization: 0, organizationsByCategory: [] };
  const byCategory = new Map<StakeholderCategory, number>();
  for (const input of inputs) {
    const kind = participantKind(input);
    counts[kind] += 1;
    if (kind === 'organization') byCategory.set(input.organizationCategory!, (byCategory.get(input.organizationCategory!) ?? 0) + 1);
  }
  counts.organizationsByCategory = STAKEHOLDER_CATEGORIES.filter((category) => byCategory.has(category)).map((category) => ({ category, inputs: byCategory.get(category)! }));
  return counts;
}

export interface BalanceRow {
  category: StakeholderCategory;
  inputs: number;
  /** Of all published inputs, from 0 to 1. */
  inputShare: number;
  /** Its inputs adopted in whole or in part. */
  shaping: number;
  /** Of all adopted or partly adopted inputs, from 0 to 1; null when none was. */
  shapingShare: number | null;
  /**
   * Shaping share minus input share, in points of 1: above zero, the category shaped
   * the decision more than its share of the inputs would suggest.
   */
  influenceGap: number | null;
}

/** A category whose influence exceeds its share of the inputs by this much is pointed out. */
export const DOMINANCE_GAP = 0.15;

/**
 * For each stakeholder category that gave input: its share of the inputs and its share
 * of the inputs that shaped the decision, so a dominant group is visible. Largest first.
 */
export function participationBalance(inputs: readonly AnsweredInput[]): BalanceRow[] {
  const totals = new Map<StakeholderCategory, { inputs: number; shaping: number }>();
  let shapingTotal = 0;
  for (const input of inputs) {
    const category = stakeholderCategoryOf(input);
    const row = totals.get(category) ?? { inputs: 0, shaping: 0 };
    row.inputs += 1;
    if (input.outcome !== null && isShapingOutcome(input.outcome)) {
      row.shaping += 1;
      shapingTotal += 1;
    }
    totals.set(category, row);
  }
  return STAKEHOLDER_CATEGORIES.filter((category) => totals.has(category))
    .map((category) => {
      const { inputs: count, shaping } = totals.get(category)!;
      const inputShare = count / inputs.length;
      const shapingShare = shapingTotal === 0 ? null : shaping / shapingTotal;
      return { category, inputs: count, inputShare, shaping, shapingShare, influenceGap: shapingShare === null ? null : shapingShare - inputShare };
    })
    .sort((a, b) => b.inputs - a.inputs || a.category.localeCompare(b.category));
}

/** Shares are ratios of counts; their difference can land a hair below an exact 15 points (0.35 − 0.2 = 0.1499…). */
const SHARE_TOLERANCE = 1e-9;

/** Categories whose share of the decision's shaping inputs clearly exceeds their share of the inputs. */
export function dominantCategories(balance: readonly BalanceRow[]): StakeholderCategory[] {
  return balance.filter((row) => row.influenceGap !== null && row.influenceGap >= DOMINANCE_GAP - SHARE_TOLERANCE).map((row) => row.category);
}
