// Contact details of stakeholders are personal data. They live in a document of their
// own (initiative/<id>/stakeholder-contacts) that only staff may open, so that the map,
// which every viewer receives in full, never carries them.
import * as Y from 'yjs';
import { contactSchema } from './model';
import { StakeholderMapError } from './document';

export function contactsOf(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>('contacts');
}

/** Contact details by stakeholder id; values that are not text are ignored. */
export function readContacts(doc: Y.Doc): Map<string, string> {
  const contacts = new Map<string, string>();
  for (const [id, value] of contactsOf(doc)) if (typeof value === 'string' && value.trim()) contacts.set(id, value.trim());
  return contacts;
}

/** Sets (or, when blank, removes) the contact details of one stakeholder. */
export function setContact(doc: Y.Doc, stakeholderId: string, contact: string, origin?: unknown): void {
  const parsed = contactSchema.safeParse(contact);
  if (!parsed.success) throw new StakeholderMapError(parsed.error.issues[0]?.message ?? 'contactTooLong', 'contact');
  const contacts = contactsOf(doc);
  doc.transact(() => {
    if (parsed.data) contacts.set(stakeholderId, parsed.data);
    else contacts.delete(stakeholderId);
  }, origin);
}
