'use client';
// Every change a person makes to the map, tagged with their own origin (for undo) and
// refused up front when they may only view it. The server refuses a viewer's changes
// anyway; this keeps the screen honest.
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { contactsOf, setContact } from '@/lib/stakeholder-map/contacts';
import {
  StakeholderMapError,
  addRelation,
  addStakeholder,
  moveStakeholder,
  removeRelation,
  removeStakeholder,
  stakeholdersOf,
  updateRelation,
  updateStakeholder,
} from '@/lib/stakeholder-map/document';
import type { Position, RelationFields, RelationPatch, StakeholderFields, StakeholderPatch } from '@/lib/stakeholder-map/model';

export type EditResult = { ok: true; id?: string } | { ok: false; code: string; field?: string };

function attempt(change: () => string | boolean | void): EditResult {
  try {
    const result = change();
    if (result === false) return { ok: false, code: 'gone' };
    return typeof result === 'string' ? { ok: true, id: result } : { ok: true };
  } catch (error) {
    if (error instanceof StakeholderMapError) return { ok: false, code: error.code, field: error.field };
    throw error;
  }
}

const READ_ONLY: EditResult = { ok: false, code: 'readOnly' };

export type MapEditing = ReturnType<typeof useMapEditing>;

export function useMapEditing({ doc, contactsDoc, origin, readOnly }: { doc: Y.Doc; contactsDoc: Y.Doc | null; origin: unknown; readOnly: boolean }) {
  const [contactsOfDeleted] = useState(() => new Map<string, string>());
  return useMemo(
    () => ({
      readOnly,
      canEditContacts: !readOnly && contactsDoc !== null,
      addStakeholder: (fields: StakeholderFields) => (readOnly ? READ_ONLY : attempt(() => addStakeholder(doc, fields, { origin }))),
      updateStakeholder: (id: string, patch: StakeholderPatch) => (readOnly ? READ_ONLY : attempt(() => updateStakeholder(doc, id, patch, origin))),
      moveStakeholder: (id: string, position: Position) => (readOnly ? READ_ONLY : attempt(() => moveStakeholder(doc, id, position, origin))),
      removeStakeholder: (id: string) => {
        if (readOnly) return READ_ONLY;
        const contact = contactsDoc ? contactsOf(contactsDoc).get(id) : undefined;
        const result = attempt(() => removeStakeholder(doc, id, origin));
        // Personal data goes with the stakeholder. It lives in another document, out of
        // reach of the map's undo, so this page remembers it to put it back on undo.
        if (result.ok && contactsDoc && contact !== undefined) {
          contactsOfDeleted.set(id, contact);
          setContact(contactsDoc, id, '', origin);
        }
        return result;
      },
      /** Runs undo or redo, then gives back (or takes again) the contact details of stakeholders it restored (or deleted again). */
      afterUndo: (step: () => void) => {
        step();
        if (!contactsDoc) return;
        const stakeholders = stakeholdersOf(doc);
        const current = contactsOf(contactsDoc);
        for (const [id, contact] of contactsOfDeleted) {
          const wanted = stakeholders.has(id) ? contact : '';
          if ((current.get(id) ?? '') !== wanted) setContact(contactsDoc, id, wanted, origin);
        }
      },
      addRelation: (fields: RelationFields) => (readOnly ? READ_ONLY : attempt(() => addRelation(doc, fields, { origin }))),
      updateRelation: (id: string, patch: RelationPatch) => (readOnly ? READ_ONLY : attempt(() => updateRelation(doc, id, patch, origin))),
      removeRelation: (id: string) => (readOnly ? READ_ONLY : attempt(() => removeRelation(doc, id, origin))),
      setContact: (id: string, contact: string) => (readOnly || !contactsDoc ? READ_ONLY : attempt(() => setContact(contactsDoc, id, contact, origin))),
    }),
    [doc, contactsDoc, origin, readOnly, contactsOfDeleted],
  );
}
