import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseDocumentName, stakeholderContactsDocumentName, stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { collabAccessFor } from '@/lib/collab/access';
import { COLLAB_TOKEN_LIFETIME_SECONDS, collabSigningKey, CollabTokenError, signCollabToken, verifyCollabToken } from '@/lib/collab/token';
import {
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeSyncStep1,
  encodeUpdateMessage,
  isEmptyUpdate,
  MalformedMessageError,
  readAwarenessUpdate,
} from '@/server/collab/protocol';

const INITIATIVE_ID = '6f1c2b9e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';

describe('document names', () => {
  it('reads the initiative and kind from a stakeholder-map name', () => {
    expect(parseDocumentName(stakeholderMapDocumentName(INITIATIVE_ID))).toEqual({
      name: `initiative/${INITIATIVE_ID}/stakeholder-map`,
      kind: 'stakeholder-map',
      initiativeId: INITIATIVE_ID,
    });
  });

  it.each(['', 'initiative', `initiative/${INITIATIVE_ID}`, `initiative/${INITIATIVE_ID}/minutes`, `initiative/not-a-uuid/stakeholder-map`, `initiative/${INITIATIVE_ID}/stakeholder-map/../x`])(
    'refuses %j',
    (name) => {
      expect(parseDocumentName(name)).toBeNull();
    },
  );
});

describe('collaboration access', () => {
  const document = parseDocumentName(stakeholderMapDocumentName(INITIATIVE_ID))!;
  const user = (role: 'resident' | 'organization_member' | 'moderator' | 'admin') => ({ kind: 'user' as const, id: 'u', name: 'U', role });

  it('lets staff edit an active map, and others view it', () => {
    expect(collabAccessFor(user('moderator'), document, { status: 'active', isInvited: false })).toBe('edit');
    expect(collabAccessFor(user('admin'), document, { status: 'active', isInvited: false })).toBe('edit');
    expect(collabAccessFor(user('resident'), document, { status: 'active', isInvited: false })).toBe('view');
    expect(collabAccessFor(user('organization_member'), document, { status: 'active', isInvited: false })).toBe('view');
  });

  it('lets members of an invited organization edit, and nobody else it invites', () => {
    expect(collabAccessFor(user('organization_member'), document, { status: 'active', isInvited: true })).toBe('edit');
    expect(collabAccessFor(user('resident'), document, { status: 'active', isInvited: true })).toBe('view');
    expect(collabAccessFor(user('organization_member'), document, { status: 'completed', isInvited: true })).toBe('view');
  });

  it('opens the contact details only to staff, even to invited editors', () => {
    const contacts = parseDocumentName(stakeholderContactsDocumentName(INITIATIVE_ID))!;
    expect(contacts.kind).toBe('stakeholder-contacts');
    expect(collabAccessFor(user('moderator'), contacts, { status: 'active', isInvited: false })).toBe('edit');
    expect(collabAccessFor(user('moderator'), contacts, { status: 'archived', isInvited: false })).toBe('view');
    expect(collabAccessFor(user('organization_member'), contacts, { status: 'active', isInvited: true })).toBeNull();
    expect(collabAccessFor(user('resident'), contacts, { status: 'active', isInvited: false })).toBeNull();
  });

  it('keeps drafts to staff and freezes completed maps', () => {
    expect(collabAccessFor(user('resident'), document, { status: 'draft', isInvited: false })).toBeNull();
    expect(collabAccessFor(user('moderator'), document, { status: 'completed', isInvited: false })).toBe('view');
  });
});

describe('collaboration tokens', () => {
  const key = collabSigningKey('a session secret that is long enough for tests');
  const claims = { userId: 'user-1', name: 'Marta', document: stakeholderMapDocumentName(INITIATIVE_ID), access: 'edit' as const };

  it('carries the user, document and access it was signed for, and when it expires', async () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const token = await signCollabToken(claims, key, now);
    await expect(verifyCollabToken(token, { key, document: claims.document, now })).resolves.toEqual({
      ...claims,
      expiresAt: new Date(now.getTime() + COLLAB_TOKEN_LIFETIME_SECONDS * 1000),
    });
  });

  it.each([
    ['missing', async () => verifyCollabToken(null, { key, document: claims.document })],
    ['expired', async () => verifyCollabToken(await signCollabToken(claims, key, new Date(Date.now() - 6 * 60 * 1000)), { key, document: claims.document })],
    ['invalid', async () => verifyCollabToken(await signCollabToken(claims, collabSigningKey('another secret of sufficient length!!')), { key, document: claims.document })],
    ['invalid', async () => verifyCollabToken('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', { key, document: claims.document })],
    ['wrong_document', async () => verifyCollabToken(await signCollabToken(claims, key), { key, document: stakeholderMapDocumentName('00000000-0000-4000-8000-000000000000') })],
  ])('refuses a %s token', async (problem, attempt) => {
    await expect(attempt()).rejects.toEqual(new CollabTokenError(problem as never));
  });

  it('is not accepted as a session secret would be: the key differs from the secret', () => {
    expect(Buffer.from(key).toString()).not.toContain('a session secret');
  });
});

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  const update = Y.encodeStateAsUpdate(doc);

  it('decodes the messages the y-websocket provider sends', () => {
    expect(decodeClientMessage(encodeSyncStep1(doc))).toMatchObject({ type: 'syncStep1' });
    expect(decodeClientMessage(encodeUpdateMessage(update))).toMatchObject({ type: 'update', step: 'update' });
    const awareness = encoding.createEncoder();
    encoding.writeVarUint(awareness, 1);
    encoding.writeVarUint8Array(awareness, encodeAwarenessEntries([{ clientId: 7, clock: 1, state: { user: { name: 'A' } } }]));
    expect(decodeClientMessage(encoding.toUint8Array(awareness))).toMatchObject({ type: 'awareness', entries: [{ clientId: 7, clock: 1 }] });
    expect(decodeClientMessage(Uint8Array.of(3))).toEqual({ type: 'queryAwareness' });
  });

  it.each([
    ['empty', new Uint8Array()],
    ['unknown type', Uint8Array.of(9)],
    ['unknown sync type', Uint8Array.of(0, 7, 0)],
    ['truncated update', encodeUpdateMessage(update).slice(0, 6)],
    ['garbage update', Uint8Array.of(0, 2, 5, 200, 201, 202, 203, 204)],
    ['trailing bytes', Uint8Array.of(...encodeUpdateMessage(update), 1)],
    ['huge length', Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f)],
    ['auth from a client', Uint8Array.of(2, 0)],
  ])('refuses %s', (_label, bytes) => {
    expect(() => decodeClientMessage(bytes)).toThrow(MalformedMessageError);
  });

  it('refuses awareness states that are not JSON', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 5);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{not json');
    expect(() => readAwarenessUpdate(encoding.toUint8Array(encoder))).toThrow(MalformedMessageError);
  });

  it('tells an empty sync step 2 from a real change', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    expect(isEmptyUpdate(update)).toBe(false);
  });
});
