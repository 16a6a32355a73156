// What people contribute to a consultation, and how it reached the city.

export const INPUT_KINDS = ['proposal', 'comment', 'objection', 'question'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** `online` is typed by the person; the others are recorded by staff on their behalf. */
export const INPUT_CHANNELS = ['online', 'paper', 'phone', 'meeting'] as const;
export type InputChannel = (typeof INPUT_CHANNELS)[number];
export const ASSISTED_CHANNELS = ['paper', 'phone', 'meeting'] as const satisfies readonly InputChannel[];
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number];

/** pending: waiting for a moderator (pre-moderation); hidden: taken down with a reason. */
export const INPUT_STATUSES = ['pending', 'published', 'hidden'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

export const INPUT_TITLE_MAX = 200;
export const INPUT_TEXT_MAX = 10_000;
export const REPLY_TEXT_MAX = 5_000;
