// The grievance workflow as data: which step may be taken from which status, by whom,
// and what it needs. Pure; lib/grievances/take-step.ts applies it under a row lock and
// tests/unit/grievance-workflow.test.ts checks every step from every status.
import { MIN_EXPLANATION_LENGTH, type GrievanceStatus, type GrievanceStep } from './vocabulary';

/**
 * Who is taking the step. A handler is a grievance officer or an administrator;
 * `isAssigned` says whether the case is assigned to them.
 */
export type StepTaker =
  | { kind: 'complainant' }
  | {
      kind: 'handler';
      userId: string;
      isAdministrator: boolean;
      isAssigned: boolean;
      /** Whether they rejected the case or proposed or closed its resolution: then they cannot hear its appeal. */
      hasAnsweredCase?: boolean;
    };

export interface CaseState {
  status: GrievanceStatus;
  assignedOfficerId: string | null;
  /** True when the complainant accepted the resolution (false when an officer closed it with reasons). */
  resolutionAccepted: boolean | null;
  /** Whether the case was appealed before: an appeal is heard once. */
  hasBeenAppealed: boolean;
  /** Whether the complainant may still appeal the last rejection or resolution (see deadlines.ts). */
  isAppealWindowOpen: boolean;
}

export interface StepRequest {
  step: GrievanceStep;
  /** The message, reason, resolution or decision that goes with the step. */
  message: string;
  /** For `assign`: the officer the case goes to. */
  officerId?: string;
}

/** Each has a message at validation.grievance.<refusal>. */
export const STEP_REFUSALS = [
  'wrongStatus',
  'notYourStep',
  'notAssigned',
  'explanationRequired',
  'messageRequired',
  'officerRequired',
  'appealWindowClosed',
  'appealWindowOpen',
  'alreadyAppealed',
  'notImpartial',
  'caseClosed',
] as const;
export type StepRefusal = (typeof STEP_REFUSALS)[number];

interface StepRule {
  from: readonly GrievanceStatus[];
  /** The status after the step; `undefined` keeps the status (messages, reassignment). */
  to?: GrievanceStatus;
  by: 'complainant' | 'handler' | 'either';
  /** Whether the message must be an explanation of at least MIN_EXPLANATION_LENGTH characters. */
  needsExplanation: boolean;
}

const OPEN_STATUSES: readonly GrievanceStatus[] = [
  'received',
  'acknowledged',
  'in_review',
  'resolution_proposed',
  'resolved',
  'rejected',
  'appealed',
  'appeal_decided',
];

export const STEP_RULES: Record<GrievanceStep, StepRule> = {
  acknowledge: { from: ['received'], to: 'acknowledged', by: 'handler', needsExplanation: false },
  // Assigning starts the review; later it hands the case to another officer. An appeal
  // is not assigned: anyone impartial (see decide_appeal) may hear it.
  assign: { from: ['acknowledged', 'in_review'], by: 'handler', needsExplanation: false },
  reject: { from: ['received', 'acknowledged', 'in_review'], to: 'rejected', by: 'handler', needsExplanation: true },
  propose_resolution: { from: ['in_review'], to: 'resolution_proposed', by: 'handler', needsExplanation: true },
  accept_resolution: { from: ['resolution_proposed'], to: 'resolved', by: 'complainant', needsExplanation: false },
  close_with_reasons: { from: ['resolution_proposed'], to: 'resolved', by: 'handler', needsExplanation: true },
  appeal: { from: ['rejected', 'resolution_proposed', 'resolved'], to: 'appealed', by: 'complainant', needsExplanation: true },
  decide_appeal: { from: ['appealed'], to: 'appeal_decided', by: 'handler', needsExplanation: true },
  close: { from: ['resolved', 'rejected', 'appeal_decided'], to: 'closed', by: 'handler', needsExplanation: true },
  message: { from: OPEN_STATUSES, by: 'either', needsExplanation: false },
};

/** The status a step leads to from `status` (the same status for steps that keep it). */
export function statusAfter(status: GrievanceStatus, step: GrievanceStep): GrievanceStatus {
  if (step === 'assign') return status === 'acknowledged' ? 'in_review' : status;
  return STEP_RULES[step].to ?? status;
}

/** Why `request` may not be taken on a case in `state` by `taker`, or null when it may. */
export function refuseStep(state: CaseState, taker: StepTaker, request: StepRequest): StepRefusal | null {
  const rule = STEP_RULES[request.step];
  if (state.status === 'closed') return 'caseClosed';
  if (!rule.from.includes(state.status)) return 'wrongStatus';
  if (rule.by !== 'either' && rule.by !== (taker.kind === 'complainant' ? 'complainant' : 'handler')) return 'notYourStep';

  const message = request.message.trim();
  if (rule.needsExplanation && message.length < MIN_EXPLANATION_LENGTH) return 'explanationRequired';
  if (request.step === 'message' && message.length === 0) return 'messageRequired';
  if (request.step === 'acknowledge' && message.length === 0) return 'messageRequired';

  if (taker.kind === 'handler') {
    switch (request.step) {
      case 'assign':
        if (!request.officerId) return 'officerRequired';
        break;
      case 'propose_resolution':
      case 'close_with_reasons':
        // The resolution comes from the officer who reviewed the case (or an administrator).
        if (!taker.isAssigned && !taker.isAdministrator) return 'notAssigned';
        break;
      case 'decide_appeal':
        // An appeal is heard by someone other than the officer whose work is appealed:
        // not the assigned officer, nor whoever rejected or resolved the case.
        if (taker.isAssigned || taker.hasAnsweredCase === true || state.assignedOfficerId === taker.userId) return 'notImpartial';
        break;
      case 'close':
        // Closing must not cut short the complainant's right to appeal.
        if (state.status === 'rejected' && state.isAppealWindowOpen && !state.hasBeenAppealed) return 'appealWindowOpen';
        if (state.status === 'resolved' && state.resolutionAccepted === false && state.isAppealWindowOpen && !state.hasBeenAppealed) {
          return 'appealWindowOpen';
        }
        break;
      default:
        break;
    }
  }

  if (request.step === 'appeal') {
    if (state.hasBeenAppealed) return 'alreadyAppealed';
    // An accepted resolution is final; one closed by the officer can still be appealed.
    if (state.status === 'resolved' && state.resolutionAccepted !== false) return 'wrongStatus';
    if (!state.isAppealWindowOpen) return 'appealWindowClosed';
  }
  return null;
}

/** The steps `taker` could take now (the message they need is checked when they take it). */
export function availableSteps(state: CaseState, taker: StepTaker): GrievanceStep[] {
  const steps = Object.keys(STEP_RULES) as GrievanceStep[];
  return steps.filter((step) => {
    const longEnough = '.'.repeat(MIN_EXPLANATION_LENGTH);
    const probe: StepRequest = { step, message: longEnough, officerId: step === 'assign' ? 'someone' : undefined };
    return refuseStep(state, taker, probe) === null;
  });
}
