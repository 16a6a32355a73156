// The rules of a consultation's life, as pure functions of its dates and documents and
// the current time (passed in, so tests choose it). Pages, server actions and the
// policy module all ask these functions; none of them compares dates itself.
import { DEFAULT_INFORMATION_DAYS, type ConsultationStatus } from './vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ConsultationTimeline {
  status: ConsultationStatus;
  informationAt: Date;
  opensAt: Date;
  closesAt: Date;
  informationDays: number;
  informationStartedAt: Date | null;
}

/**
 * What the public experiences now: `scheduled` is announced to staff but not public
 * yet; an open consultation whose closing date has passed is closed.
 */
export type ConsultationPhase = 'draft' | 'scheduled' | 'information' | 'open' | 'closed' | 'decided';

export function consultationPhase(consultation: ConsultationTimeline, now: Date): ConsultationPhase {
  switch (consultation.status) {
    case 'draft':
      return 'draft';
    case 'information':
      return now < consultation.informationAt ? 'scheduled' : 'information';
    case 'open':
      return now < consultation.closesAt ? 'open' : 'closed';
    case 'closed':
      return 'closed';
    case 'decided':
      return 'decided';
  }
}

export function isPublic(consultation: ConsultationTimeline, now: Date): boolean {
  const phase = consultationPhase(consultation, now);
  return phase !== 'draft' && phase !== 'scheduled';
}

export interface DocumentTimeline {
  uploadedAt: Date;
}

/**
 * When a document became (or will become) public: not before it was uploaded, not
 * before the consultation left draft, and not before the information date.
 */
export function documentPublicSince(consultation: ConsultationTimeline, document: DocumentTimeline): Date | null {
  if (consultation.informationStartedAt === null) return null;
  const times = [document.uploadedAt, consultation.informationStartedAt, consultation.informationAt].map((time) => time.getTime());
  return new Date(Math.max(...times));
}

export interface PriorInformation {
  /** At least one background document has been public for the whole information period. */
  isSatisfied: boolean;
  /** The earliest moment the consultation may open, if a document is public or scheduled to be. */
  earliestOpening: Date | null;
}

export function priorInformation(consultation: ConsultationTimeline, documents: readonly DocumentTimeline[], now: Date): PriorInformation {
  const publicSince = documents
    .map((document) => documentPublicSince(consultation, document))
    .filter((since): since is Date => since !== null)
    .map((since) => since.getTime());
  if (publicSince.length === 0) return { isSatisfied: false, earliestOpening: null };
  const earliestOpening = new Date(Math.min(...publicSince) + consultation.informationDays * DAY_MS);
  return { isSatisfied: earliestOpening <= now, earliestOpening };
}

/** A period below the default needs a reason that the public can read. */
export function needsShortPeriodReason(informationDays: number): boolean {
  return informationDays < DEFAULT_INFORMATION_DAYS;
}

/** Each has a message at validation.<refusal> (the status control shows it as it is). */
export const TRANSITION_REFUSALS = ['transitionNotAllowed', 'notPublicYet', 'priorInformationMissing', 'closingDatePassed', 'grievanceChannelMissing'] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

export type TransitionCheck = { allowed: true } | { allowed: false; refusal: TransitionRefusal; earliestOpening?: Date | null };

const NEXT_STATUS: Record<ConsultationStatus, ConsultationStatus | null> = {
  draft: 'information',
  information: 'open',
  open: 'closed',
  closed: null,
  decided: null,
};

/** What else, beyond its own dates and documents, a consultation needs before it opens. */
export interface OpeningReadiness {
  /**
   * The consultation's initiative has a grievance channel of its own, so that anyone
   * who takes part has somewhere to complain about how it is run (issue 7).
   */
  hasGrievanceChannel: boolean;
}

/** Whether staff may move the consultation to `to` now; one step forward at a time. */
export function checkTransition(
  consultation: ConsultationTimeline,
  to: ConsultationStatus,
  documents: readonly DocumentTimeline[],
  now: Date,
  readiness: OpeningReadiness,
): TransitionCheck {
  if (NEXT_STATUS[consultation.status] !== to) return { allowed: false, refusal: 'transitionNotAllowed' };
  if (to === 'open') {
    if (consultationPhase(consultation, now) !== 'information') return { allowed: false, refusal: 'notPublicYet' };
    if (consultation.closesAt <= now) return { allowed: false, refusal: 'closingDatePassed' };
    const prior = priorInformation(consultation, documents, now);
    if (!prior.isSatisfied) return { allowed: false, refusal: 'priorInformationMissing', earliestOpening: prior.earliestOpening };
    if (!readiness.hasGrievanceChannel) return { allowed: false, refusal: 'grievanceChannelMissing' };
  }
  return { allowed: true };
}

/** Input has stopped: the closing date passed, or the consultation was closed or decided. */
export function hasEnded(phase: ConsultationPhase): boolean {
  return phase === 'closed' || phase === 'decided';
}

/** Whether the planned dates may still be changed: not once people can take part. */
export function isEditable(status: ConsultationStatus): boolean {
  return status === 'draft' || status === 'information';
}
