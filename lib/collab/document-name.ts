// Names of shared (Yjs) documents. A name says what the document belongs to, so the
// app can decide access from the name alone:
//
//   initiative/<initiative uuid>/stakeholder-map        the stakeholder map of an initiative
//   initiative/<initiative uuid>/stakeholder-contacts   contact details of its stakeholders (staff only)
//
// The realtime server serves a document at /collab/<name>.
import { z } from 'zod';

export const DOCUMENT_KINDS = ['stakeholder-map', 'stakeholder-contacts'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface CollabDocument {
  name: string;
  kind: DocumentKind;
  initiativeId: string;
}

const INITIATIVE_DOCUMENT = /^initiative\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([a-z-]+)$/;

export function parseDocumentName(name: string): CollabDocument | null {
  const match = INITIATIVE_DOCUMENT.exec(name);
  if (!match) return null;
  const [, initiativeId, kind] = match;
  if (!initiativeId || !(DOCUMENT_KINDS as readonly string[]).includes(kind ?? '')) return null;
  return { name, kind: kind as DocumentKind, initiativeId };
}

export function stakeholderMapDocumentName(initiativeId: string): string {
  return `initiative/${initiativeId}/stakeholder-map`;
}

export function stakeholderContactsDocumentName(initiativeId: string): string {
  return `initiative/${initiativeId}/stakeholder-contacts`;
}

export const documentNameSchema = z
  .string()
  .max(200, 'documentUnknown')
  .refine((name) => parseDocumentName(name) !== null, 'documentUnknown');
