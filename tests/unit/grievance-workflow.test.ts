// The grievance workflow of lib/grievances/workflow.ts: every step from every status for
// the complainant and for each kind of handler (the matrix), then the rules the matrix
// cannot show with one state per status (explanations, appeal window, impartiality).
import { describe, expect, it } from 'vitest';
import { GRIEVANCE_STATUSES, GRIEVANCE_STEPS, MIN_EXPLANATION_LENGTH, type GrievanceStatus, type GrievanceStep } from '@/lib/grievances/vocabulary';
import { availableSteps, refuseStep, statusAfter, type CaseState, type StepRefusal, type StepRequest, type StepTaker } from '@/lib/grievances/workflow';

const ASSIGNED_ID = 'officer-assigned';
const OTHER_OFFICER_ID = 'officer-other';
const ADMIN_ID = 'administrator';

const TAKERS = {
  complainant: { kind: 'complainant' },
  assigned: { kind: 'handler', userId: ASSIGNED_ID, isAdministrator: false, isAssigned: true },
  unassigned: { kind: 'handler', userId: OTHER_OFFICER_ID, isAdministrator: false, isAssigned: false },
  administrator: { kind: 'handler', userId: ADMIN_ID, isAdministrator: true, isAssigned: false },
} satisfies Record<string, StepTaker>;
type TakerName = keyof typeof TAKERS;
const TAKER_NAMES = Object.keys(TAKERS) as TakerName[];

const EXPLANATION = 'A reason that says at least one full sentence.';

/** A request the rules cannot fault for its content: a real explanation, an officer to assign. */
function validRequest(step: GrievanceStep): StepRequest {
  return { step, message: EXPLANATION, officerId: step === 'assign' ? OTHER_OFFICER_ID : undefined };
}

/**
 * The case as it typically is in each status, assigned to the same officer throughout
 * (nothing before review looks at the assignment). A proposed resolution and a rejection
 * are within their appeal window; the resolved case was accepted by the complainant.
 */
function stateIn(status: GrievanceStatus, overrides: Partial<CaseState> = {}): CaseState {
  const isAppealable = status === 'rejected' || status === 'resolution_proposed';
  const wasAppealed = status === 'appealed' || status === 'appeal_decided' || status === 'closed';
  return {
    status,
    assignedOfficerId: ASSIGNED_ID,
    resolutionAccepted: status === 'resolved' || status === 'closed' ? true : null,
    hasBeenAppealed: wasAppealed,
    isAppealWindowOpen: isAppealable,
    ...overrides,
  };
}

type Outcome = StepRefusal | null;
/** Outcomes for [complainant, assigned officer, unassigned officer, administrator]. */
type Row = readonly [Outcome, Outcome, Outcome, Outcome];

const ok = null;
const wrong = 'wrongStatus';
const notYours = 'notYourStep';
const none: Row = [wrong, wrong, wrong, wrong];
const everyone: Row = [ok, ok, ok, ok];
const handlers: Row = [notYours, ok, ok, ok];

const EXPECTED: Record<GrievanceStatus, Record<GrievanceStep, Row>> = {
  received: {
    acknowledge: handlers,
    assign: none,
    reject: handlers,
    propose_resolution: none,
    accept_resolution: none,
    close_with_reasons: none,
    appeal: none,
    decide_appeal: none,
    close: none,
    message: everyone,
  },
  acknowledged: {
    acknowledge: none,
    assign: handlers,
    reject: handlers,
    propose_resolution: none,
    accept_resolution: none,
    close_with_reasons: none,
    appeal: none,
    decide_appeal: none,
    close: none,
    message: everyone,
  },
  in_review: {
    acknowledge: none,
    assign: handlers,
    reject: handlers,
    propose_resolution: [notYours, ok, 'notAssigned', ok],
    accept_resolution: none,
    close_with_reasons: none,
    appeal: none,
    decide_appeal: none,
    close: none,
    message: everyone,
  },
  resolution_proposed: {
    acknowledge: none,
    assign: none,
    reject: none,
    propose_resolution: none,
    accept_resolution: [ok, notYours, notYours, notYours],
    close_with_reasons: [notYours, ok, 'notAssigned', ok],
    appeal: [ok, notYours, notYours, notYours],
    decide_appeal: none,
    close: none,
    message: everyone,
  },
  // Accepted by the complainant: final, so no appeal, and it can be closed at once.
  resolved: {
    acknowledge: none,
    assign: none,
    reject: none,
    propose_resolution: none,
    accept_resolution: none,
    close_with_reasons: none,
    appeal: [wrong, notYours, notYours, notYours],
    decide_appeal: none,
    close: handlers,
    message: everyone,
  },
  // Within the appeal window: the complainant may appeal, nobody may close yet.
  rejected: {
    acknowledge: none,
    assign: none,
    reject: none,
    propose_resolution: none,
    accept_resolution: none,
    close_with_reasons: none,
    appeal: [ok, notYours, notYours, notYours],
    decide_appeal: none,
    close: [notYours, 'appealWindowOpen', 'appealWindowOpen', 'appealWindowOpen'],
    message: everyone,
  },
  appealed: {
    acknowledge: none,
    assign: none,
    reject: none,
    propose_resolution: none,
    accept_resolution: none,
    close_with_reasons: none,
    appeal: none,
    decide_appeal: [notYours, 'notImpartial', ok, ok],
    close: none,
    message: everyone,
  },
  appeal_decided: {
    acknowledge: none,
    assign: none,
    reject: none,
    propose_resolution: none,
    accept_resolution: none,
    close_with_reasons: none,
    appeal: none,
    decide_appeal: none,
    close: handlers,
    message: everyone,
  },
  closed: Object.fromEntries(GRIEVANCE_STEPS.map((step) => [step, ['caseClosed', 'caseClosed', 'caseClosed', 'caseClosed'] as const])) as Record<
    GrievanceStep,
    Row
  >,
};

/** The expected row as an object, so a failure names the taker. */
function byTaker(row: Row): Record<TakerName, Outcome> {
  return Object.fromEntries(TAKER_NAMES.map((name, index) => [name, row[index]])) as Record<TakerName, Outcome>;
}

const CELLS = GRIEVANCE_STATUSES.flatMap((status) => GRIEVANCE_STEPS.map((step): [GrievanceStatus, GrievanceStep, Row] => [status, step, EXPECTED[status][step]]));

describe('every step from every status', () => {
  it('has an expected row for each of the statuses and steps', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...GRIEVANCE_STATUSES].sort());
    for (const status of GRIEVANCE_STATUSES) expect(Object.keys(EXPECTED[status]).sort()).toEqual([...GRIEVANCE_STEPS].sort());
    expect(CELLS).toHaveLength(GRIEVANCE_STATUSES.length * GRIEVANCE_STEPS.length);
  });

  it.each(CELLS)('%s → %s', (status, step, row) => {
    const actual = Object.fromEntries(TAKER_NAMES.map((name) => [name, refuseStep(stateIn(status), TAKERS[name], validRequest(step))]));
    expect(actual).toEqual(byTaker(row));
  });

  it.each(GRIEVANCE_STATUSES)('offers in %s exactly the steps the matrix allows', (status) => {
    for (const [index, name] of TAKER_NAMES.entries()) {
      const allowed = GRIEVANCE_STEPS.filter((step) => EXPECTED[status][step][index] === ok);
      expect({ name, steps: availableSteps(stateIn(status), TAKERS[name]) }).toEqual({ name, steps: allowed });
    }
  });

  it('moves only along the published path: no step is skipped and closing needs an answer', () => {
    // Every typical state, plus the variants the matrix does not show.
    const states = [
      ...GRIEVANCE_STATUSES.map((status) => stateIn(status)),
      stateIn('resolved', { resolutionAccepted: false, isAppealWindowOpen: true }),
      stateIn('resolved', { resolutionAccepted: false, isAppealWindowOpen: false }),
      stateIn('rejected', { isAppealWindowOpen: false }),
    ];
    const moves = new Set<string>();
    for (const state of states) {
      for (const name of TAKER_NAMES) {
        for (const step of availableSteps(state, TAKERS[name])) {
          if (statusAfter(state.status, step) !== state.status) moves.add(`${state.status} → ${statusAfter(state.status, step)}`);
        }
      }
    }
    expect([...moves].sort()).toEqual(
      [
        'received → acknowledged',
        'received → rejected',
        'acknowledged → in_review',
        'acknowledged → rejected',
        'in_review → rejected',
        'in_review → resolution_proposed',
        'resolution_proposed → resolved',
        'resolution_proposed → appealed',
        'resolved → appealed',
        'resolved → closed',
        'rejected → appealed',
        'rejected → closed',
        'appealed → appeal_decided',
        'appeal_decided → closed',
      ].sort(),
    );
  });
});

describe('explanations', () => {
  /** Each step that needs an explanation, in a state and by a taker that may otherwise take it. */
  const EXPLAINED: Array<{ step: GrievanceStep; state: CaseState; taker: StepTaker }> = [
    { step: 'reject', state: stateIn('received'), taker: TAKERS.unassigned },
    { step: 'propose_resolution', state: stateIn('in_review'), taker: TAKERS.assigned },
    { step: 'close_with_reasons', state: stateIn('resolution_proposed'), taker: TAKERS.assigned },
    { step: 'appeal', state: stateIn('rejected'), taker: TAKERS.complainant },
    { step: 'decide_appeal', state: stateIn('appealed'), taker: TAKERS.unassigned },
    { step: 'close', state: stateIn('appeal_decided'), taker: TAKERS.administrator },
  ];

  it.each(EXPLAINED)('$step needs at least MIN_EXPLANATION_LENGTH characters, not counting surrounding spaces', ({ step, state, taker }) => {
    const exactly = 'x'.repeat(MIN_EXPLANATION_LENGTH);
    const oneShort = 'x'.repeat(MIN_EXPLANATION_LENGTH - 1);
    expect(refuseStep(state, taker, { step, message: exactly })).toBeNull();
    expect(refuseStep(state, taker, { step, message: oneShort })).toBe('explanationRequired');
    expect(refuseStep(state, taker, { step, message: `   ${oneShort}   ` })).toBe('explanationRequired');
    expect(refuseStep(state, taker, { step, message: '' })).toBe('explanationRequired');
  });

  it('asks no explanation of the steps that need none', () => {
    expect(refuseStep(stateIn('resolution_proposed'), TAKERS.complainant, { step: 'accept_resolution', message: '' })).toBeNull();
    expect(refuseStep(stateIn('acknowledged'), TAKERS.unassigned, { step: 'assign', message: '', officerId: ASSIGNED_ID })).toBeNull();
    expect(refuseStep(stateIn('received'), TAKERS.unassigned, { step: 'acknowledge', message: 'Received.' })).toBeNull();
    expect(refuseStep(stateIn('in_review'), TAKERS.complainant, { step: 'message', message: 'Any news?' })).toBeNull();
  });
});

describe('messages and assignment', () => {
  it('needs a message to acknowledge, however short', () => {
    expect(refuseStep(stateIn('received'), TAKERS.unassigned, { step: 'acknowledge', message: '' })).toBe('messageRequired');
    expect(refuseStep(stateIn('received'), TAKERS.unassigned, { step: 'acknowledge', message: ' \n\t ' })).toBe('messageRequired');
    expect(refuseStep(stateIn('received'), TAKERS.unassigned, { step: 'acknowledge', message: 'OK' })).toBeNull();
  });

  it.each(TAKER_NAMES)('needs a message for a message, from the %s', (name) => {
    expect(refuseStep(stateIn('in_review'), TAKERS[name], { step: 'message', message: '' })).toBe('messageRequired');
    expect(refuseStep(stateIn('in_review'), TAKERS[name], { step: 'message', message: '   ' })).toBe('messageRequired');
    expect(refuseStep(stateIn('in_review'), TAKERS[name], { step: 'message', message: '?' })).toBeNull();
  });

  it('needs an officer to assign to', () => {
    expect(refuseStep(stateIn('acknowledged'), TAKERS.unassigned, { step: 'assign', message: '' })).toBe('officerRequired');
    expect(refuseStep(stateIn('in_review'), TAKERS.administrator, { step: 'assign', message: '', officerId: '' })).toBe('officerRequired');
    expect(refuseStep(stateIn('in_review'), TAKERS.administrator, { step: 'assign', message: '', officerId: OTHER_OFFICER_ID })).toBeNull();
  });

  it('does not reassign an appeal', () => {
    expect(refuseStep(stateIn('appealed'), TAKERS.administrator, validRequest('assign'))).toBe('wrongStatus');
  });
});

describe('who answers the case', () => {
  it.each(['propose_resolution', 'close_with_reasons'] as const)('%s is for the assigned officer or an administrator', (step) => {
    const state = stateIn(step === 'propose_resolution' ? 'in_review' : 'resolution_proposed');
    expect(refuseStep(state, TAKERS.assigned, validRequest(step))).toBeNull();
    expect(refuseStep(state, TAKERS.administrator, validRequest(step))).toBeNull();
    expect(refuseStep(state, TAKERS.unassigned, validRequest(step))).toBe('notAssigned');
    expect(refuseStep(state, TAKERS.complainant, validRequest(step))).toBe('notYourStep');
  });

  it('never lets the assigned officer decide the appeal, even an administrator', () => {
    const appealed = stateIn('appealed');
    expect(refuseStep(appealed, TAKERS.assigned, validRequest('decide_appeal'))).toBe('notImpartial');
    const assignedAdministrator: StepTaker = { kind: 'handler', userId: ADMIN_ID, isAdministrator: true, isAssigned: true };
    expect(refuseStep(appealed, assignedAdministrator, validRequest('decide_appeal'))).toBe('notImpartial');
    // The case says who is assigned, whatever the caller worked out.
    const staleFlag: StepTaker = { kind: 'handler', userId: ASSIGNED_ID, isAdministrator: false, isAssigned: false };
    expect(refuseStep(appealed, staleFlag, validRequest('decide_appeal'))).toBe('notImpartial');
  });

  it('never lets whoever rejected or resolved the case decide its appeal', () => {
    const appealed = stateIn('appealed');
    const answeredOfficer: StepTaker = { ...TAKERS.unassigned, hasAnsweredCase: true };
    const answeredAdministrator: StepTaker = { ...TAKERS.administrator, hasAnsweredCase: true };
    expect(refuseStep(appealed, answeredOfficer, validRequest('decide_appeal'))).toBe('notImpartial');
    expect(refuseStep(appealed, answeredAdministrator, validRequest('decide_appeal'))).toBe('notImpartial');
    expect(refuseStep(appealed, { ...TAKERS.unassigned, hasAnsweredCase: false }, validRequest('decide_appeal'))).toBeNull();
    // An unassigned case is heard by any handler who did not answer it.
    expect(refuseStep(stateIn('appealed', { assignedOfficerId: null }), TAKERS.unassigned, validRequest('decide_appeal'))).toBeNull();
  });
});

describe('appeals', () => {
  const appeal = (state: CaseState) => refuseStep(state, TAKERS.complainant, validRequest('appeal'));

  it('lies against a rejection, a proposed resolution or one closed with reasons while the window is open', () => {
    expect(appeal(stateIn('rejected'))).toBeNull();
    expect(appeal(stateIn('resolution_proposed'))).toBeNull();
    expect(appeal(stateIn('resolved', { resolutionAccepted: false, isAppealWindowOpen: true }))).toBeNull();
  });

  it('is refused once the window has closed', () => {
    expect(appeal(stateIn('rejected', { isAppealWindowOpen: false }))).toBe('appealWindowClosed');
    expect(appeal(stateIn('resolution_proposed', { isAppealWindowOpen: false }))).toBe('appealWindowClosed');
    expect(appeal(stateIn('resolved', { resolutionAccepted: false, isAppealWindowOpen: false }))).toBe('appealWindowClosed');
  });

  it('is heard only once', () => {
    expect(appeal(stateIn('rejected', { hasBeenAppealed: true }))).toBe('alreadyAppealed');
    expect(appeal(stateIn('resolved', { resolutionAccepted: false, isAppealWindowOpen: true, hasBeenAppealed: true }))).toBe('alreadyAppealed');
    expect(appeal(stateIn('appeal_decided'))).toBe('wrongStatus');
  });

  it('does not lie against a resolution the complainant accepted', () => {
    expect(appeal(stateIn('resolved', { resolutionAccepted: true, isAppealWindowOpen: true }))).toBe('wrongStatus');
    expect(appeal(stateIn('resolved', { resolutionAccepted: true, isAppealWindowOpen: false }))).toBe('wrongStatus');
  });
});

describe('closing', () => {
  const close = (state: CaseState) => refuseStep(state, TAKERS.assigned, validRequest('close'));

  it('waits for the appeal window of a rejection, unless it was appealed', () => {
    expect(close(stateIn('rejected', { isAppealWindowOpen: true }))).toBe('appealWindowOpen');
    expect(close(stateIn('rejected', { isAppealWindowOpen: false }))).toBeNull();
    expect(close(stateIn('rejected', { isAppealWindowOpen: true, hasBeenAppealed: true }))).toBeNull();
  });

  it('waits for the appeal window of a resolution closed with reasons, unless it was appealed', () => {
    const closedWithReasons = (overrides: Partial<CaseState>) => stateIn('resolved', { resolutionAccepted: false, ...overrides });
    expect(close(closedWithReasons({ isAppealWindowOpen: true }))).toBe('appealWindowOpen');
    expect(close(closedWithReasons({ isAppealWindowOpen: false }))).toBeNull();
    expect(close(closedWithReasons({ isAppealWindowOpen: true, hasBeenAppealed: true }))).toBeNull();
  });

  it('closes an accepted resolution or a decided appeal at once', () => {
    expect(close(stateIn('resolved', { resolutionAccepted: true, isAppealWindowOpen: true }))).toBeNull();
    expect(close(stateIn('appeal_decided'))).toBeNull();
  });

  it.each(TAKER_NAMES)('leaves nothing to do on a closed case, for the %s', (name) => {
    for (const step of GRIEVANCE_STEPS) {
      expect(refuseStep(stateIn('closed'), TAKERS[name], { step, message: '' })).toBe('caseClosed');
      expect(refuseStep(stateIn('closed'), TAKERS[name], validRequest(step))).toBe('caseClosed');
    }
    expect(availableSteps(stateIn('closed'), TAKERS[name])).toEqual([]);
  });
});

describe('the status after a step', () => {
  const OPEN_STATUSES = GRIEVANCE_STATUSES.filter((status) => status !== 'closed');
  const CHANGES: Array<[GrievanceStatus, GrievanceStep, GrievanceStatus]> = [
    ['received', 'acknowledge', 'acknowledged'],
    ['acknowledged', 'assign', 'in_review'],
    ['in_review', 'assign', 'in_review'],
    ['received', 'reject', 'rejected'],
    ['acknowledged', 'reject', 'rejected'],
    ['in_review', 'reject', 'rejected'],
    ['in_review', 'propose_resolution', 'resolution_proposed'],
    ['resolution_proposed', 'accept_resolution', 'resolved'],
    ['resolution_proposed', 'close_with_reasons', 'resolved'],
    ['rejected', 'appeal', 'appealed'],
    ['resolution_proposed', 'appeal', 'appealed'],
    ['resolved', 'appeal', 'appealed'],
    ['appealed', 'decide_appeal', 'appeal_decided'],
    ['resolved', 'close', 'closed'],
    ['rejected', 'close', 'closed'],
    ['appeal_decided', 'close', 'closed'],
    ...OPEN_STATUSES.map((status): [GrievanceStatus, GrievanceStep, GrievanceStatus] => [status, 'message', status]),
  ];

  it.each(CHANGES)('from %s, %s leads to %s', (from, step, to) => {
    expect(statusAfter(from, step)).toBe(to);
  });

  it('covers every step', () => {
    expect(new Set(CHANGES.map(([, step]) => step))).toEqual(new Set(GRIEVANCE_STEPS));
  });
});

describe('the steps on offer in typical cases', () => {
  it('offers a new case to any handler to acknowledge or reject', () => {
    expect(availableSteps(stateIn('received', { assignedOfficerId: null }), TAKERS.unassigned)).toEqual(['acknowledge', 'reject', 'message']);
    expect(availableSteps(stateIn('received', { assignedOfficerId: null }), TAKERS.complainant)).toEqual(['message']);
  });

  it('offers the resolution to the assigned officer only', () => {
    expect(availableSteps(stateIn('in_review'), TAKERS.assigned)).toEqual(['assign', 'reject', 'propose_resolution', 'message']);
    expect(availableSteps(stateIn('in_review'), TAKERS.unassigned)).toEqual(['assign', 'reject', 'message']);
  });

  it('offers the complainant to accept or appeal a proposed resolution, and no appeal once the window closed', () => {
    expect(availableSteps(stateIn('resolution_proposed'), TAKERS.complainant)).toEqual(['accept_resolution', 'appeal', 'message']);
    expect(availableSteps(stateIn('resolution_proposed', { isAppealWindowOpen: false }), TAKERS.complainant)).toEqual(['accept_resolution', 'message']);
  });

  it('offers to close a rejection only after its appeal window', () => {
    expect(availableSteps(stateIn('rejected'), TAKERS.assigned)).toEqual(['message']);
    expect(availableSteps(stateIn('rejected', { isAppealWindowOpen: false }), TAKERS.assigned)).toEqual(['close', 'message']);
    expect(availableSteps(stateIn('rejected', { isAppealWindowOpen: false }), TAKERS.complainant)).toEqual(['message']);
  });

  it('offers the appeal decision to an impartial handler only', () => {
    expect(availableSteps(stateIn('appealed'), TAKERS.assigned)).toEqual(['message']);
    expect(availableSteps(stateIn('appealed'), TAKERS.unassigned)).toEqual(['decide_appeal', 'message']);
    expect(availableSteps(stateIn('appealed'), { ...TAKERS.administrator, hasAnsweredCase: true })).toEqual(['message']);
  });
});
