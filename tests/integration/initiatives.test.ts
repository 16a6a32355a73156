import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@/lib/auth/actor';
import { findInitiativeBySlug, listInitiatives } from '@/lib/initiatives/queries';
import { createInitiative, updateInitiative } from '@/lib/initiatives/save-initiative';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const fields = {
  summary: 'Sensors and shade for the market street, planned with its traders.',
  responsibleUnit: 'Mobility Department',
} as const;

describe.each(testBackends)('initiatives on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it('lets staff create an initiative at a readable, unique address', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const first = await createInitiative(handle.db, { actor: moderator, title: 'Calle Mayor: Smart Lighting', status: 'active', ...fields });
    const second = await createInitiative(handle.db, { actor: moderator, title: 'Calle Mayor – smart lighting!', status: 'active', ...fields });
    expect(first.slug).toBe('calle-mayor-smart-lighting');
    expect(second.slug).toBe('calle-mayor-smart-lighting-2');
  });

  it('never gives an initiative an address a page already uses', async () => {
    const admin = await createActor(handle.db, 'admin');
    const created = await createInitiative(handle.db, { actor: admin, title: 'New', status: 'active', ...fields });
    expect(created.slug).not.toBe('new');
  });

  it('refuses residents and organization members', async () => {
    for (const role of ['resident', 'organization_member'] as const) {
      const actor = await createActor(handle.db, role);
      await expect(createInitiative(handle.db, { actor, title: 'Not mine to make', status: 'active', ...fields })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
  });

  it('hides drafts from everyone but staff', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const { id, slug } = await createInitiative(handle.db, { actor: moderator, title: 'Quiet draft', status: 'draft', ...fields });

    expect(await findInitiativeBySlug(handle.db, { actor: ANONYMOUS, slug })).toBeNull();
    expect(await findInitiativeBySlug(handle.db, { actor: resident, slug })).toBeNull();
    expect((await listInitiatives(handle.db, { actor: resident })).map((i) => i.id)).not.toContain(id);
    expect(await findInitiativeBySlug(handle.db, { actor: moderator, slug })).toMatchObject({ id, status: 'draft' });

    await updateInitiative(handle.db, { actor: moderator, initiativeId: id, title: 'Quiet draft', status: 'active', ...fields });
    expect(await findInitiativeBySlug(handle.db, { actor: ANONYMOUS, slug })).toMatchObject({ id, status: 'active' });
  });

  it('keeps the address when the title changes', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const { id, slug } = await createInitiative(handle.db, { actor: moderator, title: 'Bike lanes', status: 'active', ...fields });
    const updated = await updateInitiative(handle.db, { actor: moderator, initiativeId: id, title: 'Protected bike lanes', status: 'active', ...fields });
    expect(updated.slug).toBe(slug);
    expect((await findInitiativeBySlug(handle.db, { actor: ANONYMOUS, slug }))?.title).toBe('Protected bike lanes');
  });
});
