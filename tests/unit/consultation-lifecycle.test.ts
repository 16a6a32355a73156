// The lifecycle rules as the public and staff meet them, each with an explicit `now`
// so that no test depends on the calendar.
import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  consultationPhase,
  documentPublicSince,
  isEditable,
  isPublic,
  priorInformation,
  type ConsultationTimeline,
} from '@/lib/consultations/lifecycle';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '@/lib/consultations/vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 5, 1, 10, 0);
/** `days` after 1 June 2026, 10:00 UTC (fractions allowed). */
const day = (days: number) => new Date(START + days * DAY_MS);

/** Announced on day 0, information from day 2, opening on day 9, closing on day 30. */
function timeline(overrides: Partial<ConsultationTimeline> = {}): ConsultationTimeline {
  return {
    status: 'information',
    informationAt: day(2),
    opensAt: day(9),
    closesAt: day(30),
    informationDays: 7,
    informationStartedAt: day(0),
    ...overrides,
  };
}

const draft = () => timeline({ status: 'draft', informationStartedAt: null });

describe('consultation phase', () => {
  it('keeps a draft a draft whatever the dates say', () => {
    expect(consultationPhase(draft(), day(-1))).toBe('draft');
    expect(consultationPhase(draft(), day(15))).toBe('draft');
    expect(consultationPhase(draft(), day(60))).toBe('draft');
    expect(isPublic(draft(), day(15))).toBe(false);
  });

  it('is scheduled, and hidden, until the information date comes', () => {
    expect(consultationPhase(timeline(), day(1))).toBe('scheduled');
    expect(isPublic(timeline(), day(1))).toBe(false);
    expect(consultationPhase(timeline(), new Date(day(2).getTime() - 1))).toBe('scheduled');
  });

  it('is public information from the information date on', () => {
    expect(consultationPhase(timeline(), day(2))).toBe('information');
    expect(isPublic(timeline(), day(2))).toBe(true);
    // Staying in information past the planned opening does not open it by itself.
    expect(consultationPhase(timeline(), day(12))).toBe('information');
  });

  it('is open until the closing date, then closed without anyone pressing a button', () => {
    const open = timeline({ status: 'open' });
    expect(consultationPhase(open, day(10))).toBe('open');
    expect(consultationPhase(open, new Date(day(30).getTime() - 1))).toBe('open');
    expect(consultationPhase(open, day(30))).toBe('closed');
    expect(isPublic(open, day(31))).toBe(true);
  });

  it('keeps a closed consultation closed and public', () => {
    const closed = timeline({ status: 'closed' });
    expect(consultationPhase(closed, day(20))).toBe('closed');
    expect(isPublic(closed, day(20))).toBe(true);
  });
});

describe('when a document became public', () => {
  it('is the latest of upload, leaving draft and the information date', () => {
    // Uploaded last.
    expect(documentPublicSince(timeline(), { uploadedAt: day(4) })).toEqual(day(4));
    // Uploaded before the information date: public from that date.
    expect(documentPublicSince(timeline(), { uploadedAt: day(1) })).toEqual(day(2));
    // Left draft after the information date had passed: public from leaving draft.
    const lateStart = timeline({ informationAt: day(2), informationStartedAt: day(5) });
    expect(documentPublicSince(lateStart, { uploadedAt: day(1) })).toEqual(day(5));
  });

  it('is not public at all while the consultation is a draft', () => {
    expect(documentPublicSince(draft(), { uploadedAt: day(1) })).toBeNull();
  });
});

describe('prior information', () => {
  it('is missing without a document, and no opening date can be promised', () => {
    expect(priorInformation(timeline(), [], day(20))).toEqual({ isSatisfied: false, earliestOpening: null });
  });

  it('is missing after 6 of 7 days, and says when it will be enough', () => {
    const consultation = timeline();
    const documents = [{ uploadedAt: day(3) }];
    expect(priorInformation(consultation, documents, day(9))).toEqual({ isSatisfied: false, earliestOpening: day(10) });
    expect(priorInformation(consultation, documents, new Date(day(10).getTime() - 1)).isSatisfied).toBe(false);
  });

  it('is satisfied after exactly 7 days', () => {
    expect(priorInformation(timeline(), [{ uploadedAt: day(3) }], day(10))).toEqual({ isSatisfied: true, earliestOpening: day(10) });
  });

  it('counts from the document that has been public longest', () => {
    const documents = [{ uploadedAt: day(6) }, { uploadedAt: day(3) }, { uploadedAt: day(8) }];
    expect(priorInformation(timeline(), documents, day(10))).toEqual({ isSatisfied: true, earliestOpening: day(10) });
  });

  it('lets a shorter period (given with a reason) be satisfied sooner', () => {
    const short = timeline({ informationDays: 2 });
    const documents = [{ uploadedAt: day(3) }];
    expect(priorInformation(short, documents, day(4.5))).toEqual({ isSatisfied: false, earliestOpening: day(5) });
    expect(priorInformation(short, documents, day(5)).isSatisfied).toBe(true);
  });

  it('counts a document uploaded during the draft only from when the consultation left draft', () => {
    // Uploaded on day -20 while a draft; the information period started on day 5.
    const consultation = timeline({ informationAt: day(0), informationStartedAt: day(5) });
    const documents = [{ uploadedAt: day(-20) }];
    expect(priorInformation(consultation, documents, day(11))).toEqual({ isSatisfied: false, earliestOpening: day(12) });
    expect(priorInformation(consultation, documents, day(12)).isSatisfied).toBe(true);
    expect(priorInformation(draft(), documents, day(60))).toEqual({ isSatisfied: false, earliestOpening: null });
  });
});

describe('status transitions', () => {
  const documents = [{ uploadedAt: day(2) }];
  /** The initiative has its grievance channel. */
  const ready = { hasGrievanceChannel: true };
  const inStatus = (status: ConsultationStatus) => timeline({ status, informationStartedAt: status === 'draft' ? null : day(0) });

  it('move one step forward only, never back', () => {
    const next: Record<ConsultationStatus, ConsultationStatus | null> = { draft: 'information', information: 'open', open: 'closed', closed: null, decided: null };
    for (const from of CONSULTATION_STATUSES) {
      for (const to of CONSULTATION_STATUSES) {
        const check = checkTransition(inStatus(from), to, documents, day(12), ready);
        if (next[from] === to) expect(check, `${from} → ${to}`).toEqual({ allowed: true });
        else expect(check, `${from} → ${to}`).toEqual({ allowed: false, refusal: 'transitionNotAllowed' });
      }
    }
  });

  it('refuse opening before the public could see the consultation', () => {
    expect(checkTransition(timeline(), 'open', documents, day(1), ready)).toEqual({ allowed: false, refusal: 'notPublicYet' });
  });

  it('refuse opening without prior information, saying when it could open', () => {
    expect(checkTransition(timeline(), 'open', [], day(12), ready)).toEqual({ allowed: false, refusal: 'priorInformationMissing', earliestOpening: null });
    expect(checkTransition(timeline(), 'open', [{ uploadedAt: day(6) }], day(12), ready)).toEqual({
      allowed: false,
      refusal: 'priorInformationMissing',
      earliestOpening: day(13),
    });
  });

  it('refuse opening once the closing date has passed', () => {
    expect(checkTransition(timeline(), 'open', documents, day(30), ready)).toEqual({ allowed: false, refusal: 'closingDatePassed' });
    expect(checkTransition(timeline(), 'open', documents, day(45), ready)).toEqual({ allowed: false, refusal: 'closingDatePassed' });
  });

  it('allow opening after the full information period, before the planned date too', () => {
    expect(checkTransition(timeline(), 'open', documents, day(9), ready)).toEqual({ allowed: true });
    expect(checkTransition(timeline({ opensAt: day(20) }), 'open', documents, day(9), ready)).toEqual({ allowed: true });
  });

  it('refuse opening while the initiative has no grievance channel, and only opening', () => {
    const noChannel = { hasGrievanceChannel: false };
    expect(checkTransition(timeline(), 'open', documents, day(9), noChannel)).toEqual({ allowed: false, refusal: 'grievanceChannelMissing' });
    // Announcing and closing do not wait for the channel.
    expect(checkTransition(inStatus('draft'), 'information', [], day(-5), noChannel)).toEqual({ allowed: true });
    expect(checkTransition(inStatus('open'), 'closed', [], day(10), noChannel)).toEqual({ allowed: true });
    // Dates and documents are checked first; the channel is the last thing asked for.
    expect(checkTransition(timeline(), 'open', documents, day(1), noChannel)).toEqual({ allowed: false, refusal: 'notPublicYet' });
    expect(checkTransition(timeline(), 'open', [], day(12), noChannel)).toMatchObject({ allowed: false, refusal: 'priorInformationMissing' });
  });

  it('allow closing early and announcing a draft whatever the date', () => {
    expect(checkTransition(inStatus('open'), 'closed', [], day(10), ready)).toEqual({ allowed: true });
    expect(checkTransition(inStatus('draft'), 'information', [], day(-5), ready)).toEqual({ allowed: true });
  });
});

describe('editing the plan', () => {
  it('is possible until people can take part', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('information')).toBe(true);
    expect(isEditable('open')).toBe(false);
    expect(isEditable('closed')).toBe(false);
  });
});
