// The actions the audit log records (db/schema/audit.ts).
export const AUDIT_ACTIONS = [
  'role_changed',
  'account_deleted',
  'personal_data_exported',
  'confidential_case_opened',
  'legal_document_published',
  'retention_applied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}
