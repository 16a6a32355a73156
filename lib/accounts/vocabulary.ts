// Words of the account life cycle shared by the schema, the domain functions and the pages.

/** How notifications reach a person besides the list in the app. */
export const EMAIL_DELIVERIES = ['immediate', 'none'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

/** What a single-use link sent by e-mail lets its holder do. */
export const ACCOUNT_TOKEN_PURPOSES = ['password_reset', 'email_verification'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** The texts a person agrees to, each published in numbered versions by administrators. */
export const LEGAL_DOCUMENT_KINDS = ['privacy_notice', 'terms'] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];

export function isLegalDocumentKind(value: unknown): value is LegalDocumentKind {
  return typeof value === 'string' && (LEGAL_DOCUMENT_KINDS as readonly string[]).includes(value);
}
