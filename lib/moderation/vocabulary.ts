// Moderation: what moderators do, and the reasons they must choose from. The reason
// list is public (shown in the moderation log), so every decision can be understood.

export const MODERATION_ACTIONS = ['publish', 'hide', 'restore', 'dismiss_reports'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const HIDE_REASONS = ['offensive', 'personal_data', 'spam', 'off_topic', 'illegal', 'duplicate', 'other'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

/** Why a participant reports an input to the moderators. */
export const REPORT_REASONS = ['offensive', 'personal_data', 'spam', 'off_topic', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
