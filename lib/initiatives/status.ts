// Life cycle of an initiative. A draft is visible to staff only.
export const INITIATIVE_STATUSES = ['draft', 'active', 'completed', 'archived'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
