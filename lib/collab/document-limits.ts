// What the collaboration server accepts into a shared document, by kind, and the words
// it uses to refuse an update. The page reads the same codes to tell the person why
// (lib/i18n/messages/en/stakeholder-map.json, stakeholderMap.limits).
import { CONTACTS_LONGEST_TEXT, MAP_LONGEST_TEXT } from '@/lib/stakeholder-map/model';
import type { DocumentKind } from './document-name';

/** The longest string (text, value, key or name) an update of this kind of document may carry. */
export function longestTextOf(kind: DocumentKind): number {
  switch (kind) {
    case 'stakeholder-map':
      return MAP_LONGEST_TEXT;
    case 'stakeholder-contacts':
      return CONTACTS_LONGEST_TEXT;
  }
}

/** From this share of its size limit on, the page warns that a document is nearly full. */
export const NEAR_FULL_PERCENT = 80;

/** New Yjs client ids one connection may bring into a document: an honest tab writes as one. */
export const MAX_NEW_CLIENT_IDS_PER_CONNECTION = 4;

export const UPDATE_REFUSALS = ['read-only', 'document-too-large', 'text-too-long', 'too-many-writers'] as const;
export type UpdateRefusal = (typeof UPDATE_REFUSALS)[number];

const SENTENCES: Record<UpdateRefusal, string> = {
  'read-only': 'This document is read-only for you.',
  'document-too-large': 'This change would make the document larger than its size limit; it was not saved.',
  'text-too-long': 'This change holds a text longer than any field allows; it was not saved.',
  'too-many-writers': 'This connection wrote as more clients than a browser tab does; the change was not saved.',
};

/**
 * The reason sent with the protocol's permission-denied message: the code in brackets,
 * then a sentence for whoever reads it raw (y-websocket logs it to the console).
 */
export function refusalReason(refusal: UpdateRefusal): string {
  return `[${refusal}] ${SENTENCES[refusal]}`;
}

/** The code of a permission-denied reason, or null when it carries none we know. */
export function parseRefusal(reason: string): UpdateRefusal | null {
  const code = /^\[([a-z-]+)\]/.exec(reason)?.[1];
  return (UPDATE_REFUSALS as readonly string[]).includes(code ?? '') ? (code as UpdateRefusal) : null;
}
