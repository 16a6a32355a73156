// The vocabulary of decisions and of the city's answers to what people said. Database
// enums, validation and the message catalogue (`decisions.outcome.<outcome>`, …) are
// all derived from these lists.

/**
 * What became of an input: taken up whole or in part, not taken up, or noted because
 * it falls outside what the consultation could change.
 */
export const RESPONSE_OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted', 'noted'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];

/** Outcomes in which an input shaped the decision (used by the balance figures). */
export const SHAPING_OUTCOMES: readonly ResponseOutcome[] = ['adopted', 'partly_adopted'];

export function isShapingOutcome(outcome: ResponseOutcome): boolean {
  return SHAPING_OUTCOMES.includes(outcome);
}

/** A decision is prepared as a draft and becomes public, for good, when published. */
export const DECISION_STATUSES = ['draft', 'published'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * Who an input came from, as the public report counts it: a person in their own name,
 * an organization (further split by its stakeholder category), or someone whose input
 * staff recorded from paper, a phone call or a meeting.
 */
export const PARTICIPANT_KINDS = ['resident', 'organization', 'assisted'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const DECISION_TITLE_MAX = 200;
export const DECISION_SUMMARY_MAX = 1_000;
export const DECISION_TEXT_MAX = 50_000;
export const DECIDING_BODY_MAX = 200;
export const THEME_TITLE_MAX = 200;
/** "An explanation in plain words": at least a short sentence, at most a page. */
export const EXPLANATION_MIN = 20;
export const EXPLANATION_MAX = 5_000;
/** Publishing while inputs are unanswered needs a public reason of at least a sentence. */
export const UNANSWERED_REASON_MIN = 20;
export const UNANSWERED_REASON_MAX = 2_000;

export function isResponseOutcome(value: unknown): value is ResponseOutcome {
  return typeof value === 'string' && (RESPONSE_OUTCOMES as readonly string[]).includes(value);
}
