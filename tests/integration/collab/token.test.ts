// The token a signed-in browser gets before it opens a shared document
// (GET /api/collab/token → issueCollabToken), against real databases: who gets a token,
// with which access, for which document, and what it proves to the collaboration server.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { ANONYMOUS, type Actor } from '@/lib/auth/actor';
import { stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { issueCollabToken } from '@/lib/collab/issue-token';
import { COLLAB_TOKEN_LIFETIME_SECONDS, collabSigningKey, verifyCollabToken } from '@/lib/collab/token';
import type { InitiativeStatus } from '@/lib/initiatives/status';
import { createInitiative } from '@/lib/initiatives/save-initiative';
import { createActor } from '../support/actors';
import { testBackends } from '../support/databases';

const key = collabSigningKey('collaboration-token-tests-secret-0123456789');
const collabUrl = 'wss://participa.example/collab';

describe.each(testBackends)('collaboration tokens on $name', (backend) => {
  let handle: DatabaseHandle;
  let moderator: Actor & { kind: 'user' };
  let admin: Actor & { kind: 'user' };
  let resident: Actor & { kind: 'user' };
  let member: Actor & { kind: 'user' };
  const mapOf: Partial<Record<InitiativeStatus, string>> = {};

  beforeAll(async () => {
    handle = await backend.open();
    moderator = await createActor(handle.db, 'moderator', 'Marta Moderator');
    admin = await createActor(handle.db, 'admin');
    resident = await createActor(handle.db, 'resident', 'Rosa Resident');
    member = await createActor(handle.db, 'organization_member');
    for (const status of ['draft', 'active', 'completed', 'archived'] as const) {
      const { id } = await createInitiative(handle.db, {
        actor: moderator,
        title: `Plaza ${status} ${randomUUID().slice(0, 6)}`,
        summary: 'Shade, benches and water for the square.',
        responsibleUnit: 'Urban Planning',
        status,
      });
      mapOf[status] = stakeholderMapDocumentName(id);
    }
  });

  afterAll(async () => {
    await handle?.close();
  });

  const issue = (actor: Actor, documentName: string, now?: Date) => issueCollabToken(handle.db, { actor, documentName, key, collabUrl, now });

  it('gives staff an edit token for the map of a draft or active initiative, for that user and that document only', async () => {
    for (const status of ['draft', 'active'] as const) {
      for (const staff of [moderator, admin]) {
        const document = mapOf[status]!;
        const issued = await issue(staff, document);
        expect(issued).toMatchObject({ access: 'edit', url: collabUrl });
        // What the collaboration server will read from it.
        await expect(verifyCollabToken(issued.token, { key, document })).resolves.toEqual({ userId: staff.id, name: staff.name, document, access: 'edit', expiresAt: expect.any(Date) as unknown });
        await expect(verifyCollabToken(issued.token, { key, document: mapOf.completed! })).rejects.toMatchObject({ problem: 'wrong_document' });
      }
    }
  });

  it('gives residents and organization members a view token for maps of initiatives they can see', async () => {
    for (const status of ['active', 'completed', 'archived'] as const) {
      for (const person of [resident, member]) {
        const issued = await issue(person, mapOf[status]!);
        expect(issued.access).toBe('view');
        await expect(verifyCollabToken(issued.token, { key, document: mapOf[status]! })).resolves.toMatchObject({ userId: person.id, access: 'view' });
      }
    }
  });

  it('gives staff only a view token once an initiative is completed or archived: its map is a record', async () => {
    for (const status of ['completed', 'archived'] as const) {
      expect((await issue(moderator, mapOf[status]!)).access).toBe('view');
      expect((await issue(admin, mapOf[status]!)).access).toBe('view');
    }
  });

  it('treats a draft as not found for anyone but staff', async () => {
    await expect(issue(resident, mapOf.draft!)).rejects.toMatchObject({ code: 'not_found' });
    await expect(issue(member, mapOf.draft!)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses anonymous visitors, unknown document names and unknown initiatives', async () => {
    await expect(issue(ANONYMOUS, mapOf.active!)).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    for (const name of ['', 'initiative', `initiative/${randomUUID()}/minutes`, `${mapOf.active}/../x`, mapOf.active!.toUpperCase()]) {
      await expect(issue(moderator, name), name).rejects.toMatchObject({ code: 'not_found', status: 404 });
    }
    await expect(issue(moderator, stakeholderMapDocumentName(randomUUID()))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('issues tokens that expire within five minutes', async () => {
    const issuedAt = new Date();
    const { token } = await issue(moderator, mapOf.active!, issuedAt);
    const document = mapOf.active!;
    const justBefore = new Date(issuedAt.getTime() + (COLLAB_TOKEN_LIFETIME_SECONDS - 5) * 1000);
    const justAfter = new Date(issuedAt.getTime() + (COLLAB_TOKEN_LIFETIME_SECONDS + 5) * 1000);
    expect(COLLAB_TOKEN_LIFETIME_SECONDS).toBeLessThanOrEqual(5 * 60);
    await expect(verifyCollabToken(token, { key, document, now: justBefore })).resolves.toMatchObject({ userId: moderator.id });
    await expect(verifyCollabToken(token, { key, document, now: justAfter })).rejects.toMatchObject({ problem: 'expired' });
    // Signed with this deployment's key only.
    await expect(verifyCollabToken(token, { key: collabSigningKey('another-deployment-secret-0123456789abc'), document })).rejects.toMatchObject({
      problem: 'invalid',
    });
  });
});
