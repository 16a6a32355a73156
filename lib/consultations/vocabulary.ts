// The fixed vocabularies of consultations. Database enums, validation and the message
// catalogue are all derived from these lists.

/**
 * Where a consultation stands; only staff change it, one step at a time. It becomes
 * `decided` when its first decision is published (lib/decisions), never by hand.
 */
export const CONSULTATION_STATUSES = ['draft', 'information', 'open', 'closed', 'decided'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/**
 * The IAP2 spectrum of public participation. Each level carries a promise to the
 * public (catalogue key `consultations.level.<level>.promise`), shown with the
 * consultation so people know how much their input can change.
 */
export const PARTICIPATION_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

/** Post-moderation publishes input at once; pre-moderation after a moderator's review. */
export const MODERATION_MODES = ['post', 'pre'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** The information period the seed's principle of prior information asks for by default. */
export const DEFAULT_INFORMATION_DAYS = 7;
export const MAX_INFORMATION_DAYS = 90;
