// The fixed vocabularies of grievance redress. Database enums, validation, the workflow
// and the message catalogue (namespace `grievances`) are all derived from these lists.

/**
 * Where a case stands. The path: received → acknowledged → in review → resolution
 * proposed → resolved; or rejected as out of scope; a rejection or a resolution the
 * complainant does not accept can be appealed → appeal decided; every path ends closed.
 */
export const GRIEVANCE_STATUSES = [
  'received',
  'acknowledged',
  'in_review',
  'resolution_proposed',
  'resolved',
  'rejected',
  'appealed',
  'appeal_decided',
  'closed',
] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];

/** What a grievance is about; the public statistics are broken down by these. */
export const GRIEVANCE_CATEGORIES = [
  'consultation_process',
  'access_to_information',
  'nuisance_environment',
  'land_property',
  'health_safety',
  'discrimination_exclusion',
  'retaliation',
  'personal_data',
  'works_contractors',
  'other',
] as const;
export type GrievanceCategory = (typeof GRIEVANCE_CATEGORIES)[number];

/** How the grievance reached the city: online by the complainant, or recorded by staff. */
export const RECEIPT_CHANNELS = ['online', 'paper', 'phone', 'in_person', 'email'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];
export const OFFLINE_RECEIPT_CHANNELS = RECEIPT_CHANNELS.filter((channel) => channel !== 'online');

/** What someone does to a case; each is recorded as an event of the same kind. */
export const GRIEVANCE_STEPS = [
  'acknowledge',
  'assign',
  'reject',
  'propose_resolution',
  'accept_resolution',
  'close_with_reasons',
  'appeal',
  'decide_appeal',
  'close',
  'message',
] as const;
export type GrievanceStep = (typeof GRIEVANCE_STEPS)[number];

/** Besides the steps: the filing itself, and staff opening a confidential case's file (attachment-access-log.ts). */
export const GRIEVANCE_EVENT_KINDS = ['received', ...GRIEVANCE_STEPS, 'attachment_opened'] as const;
export type GrievanceEventKind = (typeof GRIEVANCE_EVENT_KINDS)[number];

/** Who took a step, as the case history shows it (never the complainant's name). */
export const EVENT_ACTOR_KINDS = ['complainant', 'officer', 'administrator'] as const;
export type EventActorKind = (typeof EVENT_ACTOR_KINDS)[number];

/** Published deadlines in calendar days; staff set them per channel within these bounds. */
export const DEFAULT_DEADLINE_DAYS = {
  acknowledgeDays: 5,
  resolveDays: 30,
  appealDays: 15,
  appealDecisionDays: 20,
} as const;
export type DeadlineDays = { [K in keyof typeof DEFAULT_DEADLINE_DAYS]: number };
export const MIN_DEADLINE_DAYS = 1;
export const MAX_DEADLINE_DAYS = 120;

export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_MESSAGE_LENGTH = 5_000;
/** A reason, resolution or decision must say at least a sentence. */
export const MIN_EXPLANATION_LENGTH = 20;
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Whether a stored text (e.g. a notification's note) names an event kind. */
export function isGrievanceEventKind(value: string | null | undefined): value is GrievanceEventKind {
  return (GRIEVANCE_EVENT_KINDS as readonly (string | null | undefined)[]).includes(value);
}
