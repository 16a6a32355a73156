// In-app notifications (and e-mails when SMTP_URL is set). The text of each kind is in
// the catalogue under `notifications.kind.<kind>`; the row keeps only ids and reasons.
export const NOTIFICATION_KINDS = ['input_published', 'input_hidden', 'input_restored', 'input_replied', 'grievance_updated', 'response_published', 'response_revised', 'decision_published'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
