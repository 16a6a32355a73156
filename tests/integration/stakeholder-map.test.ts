// The stakeholder map against both databases: a map stored as Yjs updates reads back
// whole; its downloads carry contact details (personal data) for staff and for no one
// else; staff invite verified organizations, whose members then edit the map; and the
// collaboration token grants each person the access those rules give.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { stakeholderContactsDocumentName, stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { issueCollabToken } from '@/lib/collab/issue-token';
import { appendStoredUpdate, loadStoredDocument } from '@/lib/collab/stored-document';
import { collabSigningKey } from '@/lib/collab/token';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import { createInitiative } from '@/lib/initiatives/save-initiative';
import { readContacts, setContact } from '@/lib/stakeholder-map/contacts';
import { addRelation, addStakeholder, newStakeholderFields, readStakeholderMap } from '@/lib/stakeholder-map/document';
import type { StakeholderMapFormat } from '@/lib/stakeholder-map/export';
import { inviteOrganization, isInvitedToMap, listMapInvitations, withdrawInvitation } from '@/lib/stakeholder-map/invitations';
import { buildStakeholderMapExport } from '@/lib/stakeholder-map/map-download';
import { setOrganizationVerified } from '@/lib/organizations/verify-organization';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';
import { createOrganizationWithMember } from './support/inputs';

const key = collabSigningKey('stakeholder-map-tests-secret-0123456789abcdef');
const collabUrl = 'wss://participa.example/collab';
const FORMATS: StakeholderMapFormat[] = ['csv', 'json', 'graphml'];

/** Invented contact details; each part is looked for on its own, so no escaping hides a leak. */
const CONTACT_PARTS = ['Marisol Vega (chair)', '+34 600 000 111', 'chair@traders.example'];
const CONTACT = CONTACT_PARTS.join(' · ');

describe.each(testBackends)('stakeholder map on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  /**
   * An initiative whose map a moderator drew: three stakeholders and two relations,
   * stored as the collaboration server logs them (one update per edit session), and
   * the traders' contact in the staff-only contacts document.
   */
  async function initiativeWithMap(status: InitiativeStatus = 'active') {
    const moderator = await createActor(handle.db, 'moderator');
    const initiative = await createInitiative(handle.db, {
      actor: moderator,
      title: `Plaza Mayor ${status} ${randomUUID().slice(0, 8)}`,
      summary: 'Shade, benches and water for the square.',
      responsibleUnit: 'Urban Planning',
      status,
    });
    const mapName = stakeholderMapDocumentName(initiative.id);
    const map = new Y.Doc();
    const city = addStakeholder(map, newStakeholderFields('municipality', { name: 'Department of Urban Planning', power: 5, interest: 5 }));
    const traders = addStakeholder(map, newStakeholderFields('industry_association', { name: 'Market Traders Association', aims: 'Keep deliveries possible.' }));
    await appendStoredUpdate(handle.db, { document: mapName, update: Y.encodeStateAsUpdate(map), userId: moderator.id });

    const before = Y.encodeStateVector(map);
    const residents = addStakeholder(map, newStakeholderFields('citizens', { name: 'Residents of the old town' }));
    const informs = addRelation(map, { from: city, to: traders, kind: 'informs', strength: 2, note: 'Monthly market meeting.' });
    const inConflict = addRelation(map, { from: traders, to: residents, kind: 'in_conflict_with', strength: 2, note: 'Parking spaces versus trees.' });
    await appendStoredUpdate(handle.db, { document: mapName, update: Y.encodeStateAsUpdate(map, before), userId: moderator.id });

    const contacts = new Y.Doc();
    setContact(contacts, traders, CONTACT);
    await appendStoredUpdate(handle.db, { document: stakeholderContactsDocumentName(initiative.id), update: Y.encodeStateAsUpdate(contacts), userId: moderator.id });
    return { moderator, initiative, stakeholders: { city, traders, residents }, relations: { informs, inConflict } };
  }

  const download = (actor: Actor, slug: string, format: StakeholderMapFormat, now?: Date) => buildStakeholderMapExport(handle.db, { actor, slug, format, now });

  describe('the stored document', () => {
    it('reads back every stakeholder, relation and contact written as separate updates', async () => {
      const { initiative, stakeholders, relations } = await initiativeWithMap();

      const map = readStakeholderMap(await loadStoredDocument(handle.db, stakeholderMapDocumentName(initiative.id)));
      expect(map.repaired).toBe(0);
      expect(map.stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['Department of Urban Planning', 'Market Traders Association', 'Residents of the old town']);
      expect(map.stakeholders.find((stakeholder) => stakeholder.id === stakeholders.traders)).toMatchObject({ category: 'industry_association', aims: 'Keep deliveries possible.' });
      expect(map.relations).toEqual(
        [
          { id: relations.informs, from: stakeholders.city, to: stakeholders.traders, kind: 'informs', strength: 2, note: 'Monthly market meeting.' },
          { id: relations.inConflict, from: stakeholders.traders, to: stakeholders.residents, kind: 'in_conflict_with', strength: 2, note: 'Parking spaces versus trees.' },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );

      const contacts = readContacts(await loadStoredDocument(handle.db, stakeholderContactsDocumentName(initiative.id)));
      expect([...contacts]).toEqual([[stakeholders.traders, CONTACT]]);
    });

    it('reads a document nothing was written to as an empty map', async () => {
      const map = readStakeholderMap(await loadStoredDocument(handle.db, stakeholderMapDocumentName(randomUUID())));
      expect(map).toEqual({ stakeholders: [], relations: [], repaired: 0 });
    });
  });

  describe('downloads', () => {
    it('gives staff the contact details in every format, in a file no cache may keep', async () => {
      const { moderator, initiative, stakeholders } = await initiativeWithMap();
      const admin = await createActor(handle.db, 'admin');
      const now = new Date('2026-05-04T10:00:00.000Z');

      for (const staff of [moderator, admin]) {
        const csv = await download(staff, initiative.slug, 'csv', now);
        expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: `stakeholder-map-${initiative.slug}.csv`, includesContacts: true });
        const [header, ...rows] = csv!.body.trimEnd().split('\r\n');
        const columns = header!.split(',');
        expect(columns.at(-1)).toBe('contact');
        const tradersRow = rows.find((row) => row.startsWith(stakeholders.traders));
        expect(tradersRow).toContain('Market Traders Association');
        expect(tradersRow!.endsWith(`,${CONTACT}`)).toBe(true);
        // A stakeholder without contact details has the column, empty.
        expect(rows.find((row) => row.startsWith(stakeholders.city))!.endsWith(',')).toBe(true);

        const json = await download(staff, initiative.slug, 'json', now);
        expect(json).toMatchObject({ contentType: 'application/json; charset=utf-8', fileName: `stakeholder-map-${initiative.slug}.json` });
        const parsed = JSON.parse(json!.body) as { exportedAt: string; initiative: unknown; stakeholders: Array<{ id: string; contact?: string | null }>; relations: unknown[] };
        expect(parsed.exportedAt).toBe(now.toISOString());
        expect(parsed.initiative).toEqual({ title: expect.stringContaining('Plaza Mayor') as unknown, slug: initiative.slug });
        expect(parsed.stakeholders.find((stakeholder) => stakeholder.id === stakeholders.traders)?.contact).toBe(CONTACT);
        expect(parsed.stakeholders.find((stakeholder) => stakeholder.id === stakeholders.city)?.contact).toBeNull();
        expect(parsed.relations).toHaveLength(2);

        const graphml = await download(staff, initiative.slug, 'graphml', now);
        expect(graphml).toMatchObject({ contentType: 'application/graphml+xml; charset=utf-8', fileName: `stakeholder-map-${initiative.slug}.graphml` });
        expect(graphml!.body).toContain(`<data key="n_contact">${CONTACT}</data>`);
        expect(graphml!.body.match(/<edge /g)).toHaveLength(2);
      }
    });

    it('leaves contact details out of every file a resident, an invited organization member or an anonymous visitor downloads', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const resident = await createActor(handle.db, 'resident');
      const { organizationId, member } = await createOrganizationWithMember(handle.db);
      await inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId });

      for (const [who, actor] of [['resident', resident], ['invited member', member], ['anonymous', ANONYMOUS]] as const) {
        for (const format of FORMATS) {
          const file = await download(actor, initiative.slug, format);
          expect(file, `${who} ${format}`).toMatchObject({ includesContacts: false, fileName: `stakeholder-map-${initiative.slug}.${format}` });
          // The map itself is there…
          expect(file!.body, `${who} ${format}`).toContain('Market Traders Association');
          // …but nothing of the contact, not even an empty column for it.
          for (const part of CONTACT_PARTS) expect(file!.body, `${who} ${format}`).not.toContain(part);
          expect(file!.body, `${who} ${format}`).not.toMatch(/contact/i);
        }
      }
    });

    it('treats the map of a draft initiative as not found for anyone but staff, and an unknown address as not found', async () => {
      const { moderator, initiative } = await initiativeWithMap('draft');
      const resident = await createActor(handle.db, 'resident');
      const { member } = await createOrganizationWithMember(handle.db);

      for (const format of FORMATS) {
        await expect(download(moderator, initiative.slug, format)).resolves.toMatchObject({ includesContacts: true });
        for (const actor of [resident, member, ANONYMOUS]) await expect(download(actor, initiative.slug, format)).resolves.toBeNull();
        await expect(download(moderator, `no-such-initiative-${randomUUID().slice(0, 8)}`, format)).resolves.toBeNull();
        await expect(download(moderator, '../etc/passwd', format)).resolves.toBeNull();
      }
    });

    it('still offers completed and archived maps to everyone, as a record', async () => {
      for (const status of ['completed', 'archived'] as const) {
        const { initiative } = await initiativeWithMap(status);
        const file = await download(ANONYMOUS, initiative.slug, 'csv');
        expect(file?.body).toContain('Residents of the old town');
      }
    });
  });

  describe('invitations', () => {
    it('refuses to invite an organization that is not verified', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const { organizationId } = await createOrganizationWithMember(handle.db, { isVerified: false });

      await expect(inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId })).rejects.toMatchObject({
        code: 'bad_request',
        fieldErrors: { organizationId: 'organizationNotVerified' },
      });
      await expect(inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: randomUUID() })).rejects.toMatchObject({
        fieldErrors: { organizationId: 'organizationNotVerified' },
      });
      expect(await listMapInvitations(handle.db, { initiativeId: initiative.id })).toEqual([]);
    });

    it('lets only staff invite or withdraw', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const resident = await createActor(handle.db, 'resident');
      const { organizationId, member } = await createOrganizationWithMember(handle.db);

      for (const actor of [resident, member]) {
        await expect(inviteOrganization(handle.db, { actor, initiativeId: initiative.id, organizationId })).rejects.toMatchObject({ code: 'forbidden' });
      }
      await expect(inviteOrganization(handle.db, { actor: ANONYMOUS, initiativeId: initiative.id, organizationId })).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await listMapInvitations(handle.db, { initiativeId: initiative.id })).toEqual([]);

      await inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId });
      await expect(withdrawInvitation(handle.db, { actor: member, initiativeId: initiative.id, organizationId })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await listMapInvitations(handle.db, { initiativeId: initiative.id })).toHaveLength(1);
    });

    it('keeps one invitation when an organization is invited twice, counts it for its members only, and forgets it when withdrawn', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const admin = await createActor(handle.db, 'admin');
      const resident = await createActor(handle.db, 'resident');
      const invited = await createOrganizationWithMember(handle.db);
      const other = await createOrganizationWithMember(handle.db);
      const { initiative: elsewhere } = await initiativeWithMap();

      await inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: invited.organizationId });
      await inviteOrganization(handle.db, { actor: admin, initiativeId: initiative.id, organizationId: invited.organizationId });
      const invitations = await listMapInvitations(handle.db, { initiativeId: initiative.id });
      expect(invitations).toEqual([{ organizationId: invited.organizationId, organizationName: invited.name, invitedAt: expect.any(Date) as unknown }]);

      const isInvited = (actor: Actor, initiativeId = initiative.id) => isInvitedToMap(handle.db, { actor, initiativeId });
      expect(await isInvited(invited.member)).toBe(true);
      expect(await isInvited(other.member)).toBe(false);
      expect(await isInvited(resident)).toBe(false);
      expect(await isInvited(ANONYMOUS)).toBe(false);
      // An invitation is to one initiative's map.
      expect(await isInvited(invited.member, elsewhere.id)).toBe(false);

      await withdrawInvitation(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: invited.organizationId });
      expect(await listMapInvitations(handle.db, { initiativeId: initiative.id })).toEqual([]);
      expect(await isInvited(invited.member)).toBe(false);
    });

    it('lets an invitation rest while its organization is not verified', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const admin = await createActor(handle.db, 'admin');
      const invited = await createOrganizationWithMember(handle.db);
      await inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: invited.organizationId });
      const mapName = stakeholderMapDocumentName(initiative.id);

      await setOrganizationVerified(handle.db, { actor: admin, organizationId: invited.organizationId, isVerified: false });
      expect(await isInvitedToMap(handle.db, { actor: invited.member, initiativeId: initiative.id })).toBe(false);
      expect((await issueCollabToken(handle.db, { actor: invited.member, documentName: mapName, key, collabUrl })).access).toBe('view');

      await setOrganizationVerified(handle.db, { actor: admin, organizationId: invited.organizationId, isVerified: true });
      expect((await issueCollabToken(handle.db, { actor: invited.member, documentName: mapName, key, collabUrl })).access).toBe('edit');
    });
  });

  describe('collaboration tokens', () => {
    const issue = (actor: Actor, documentName: string) => issueCollabToken(handle.db, { actor, documentName, key, collabUrl });

    it('lets members of an invited organization edit the map, and others only follow it', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const invited = await createOrganizationWithMember(handle.db);
      const other = await createOrganizationWithMember(handle.db);
      const mapName = stakeholderMapDocumentName(initiative.id);

      expect((await issue(invited.member, mapName)).access).toBe('view');
      await inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: invited.organizationId });
      expect((await issue(invited.member, mapName)).access).toBe('edit');
      expect((await issue(other.member, mapName)).access).toBe('view');

      await withdrawInvitation(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: invited.organizationId });
      expect((await issue(invited.member, mapName)).access).toBe('view');
    });

    it('opens the contacts document to staff only, not even to an invited organization member', async () => {
      const { moderator, initiative } = await initiativeWithMap();
      const resident = await createActor(handle.db, 'resident');
      const invited = await createOrganizationWithMember(handle.db);
      await inviteOrganization(handle.db, { actor: moderator, initiativeId: initiative.id, organizationId: invited.organizationId });
      const contactsName = stakeholderContactsDocumentName(initiative.id);

      await expect(issue(moderator, contactsName)).resolves.toMatchObject({ access: 'edit', url: collabUrl });
      for (const actor of [invited.member, resident]) await expect(issue(actor, contactsName)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
      await expect(issue(ANONYMOUS, contactsName)).rejects.toMatchObject({ code: 'unauthenticated' });
    });
  });
});
