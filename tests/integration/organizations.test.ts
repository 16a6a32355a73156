import { describe, expect, it } from 'vitest';
import { findUserById } from '@/lib/accounts/find-user';
import { ANONYMOUS } from '@/lib/auth/actor';
import { createOrganization } from '@/lib/organizations/create-organization';
import { listOrganizations } from '@/lib/organizations/list-organizations';
import { addMember, removeMember } from '@/lib/organizations/manage-members';
import { setOrganizationVerified } from '@/lib/organizations/verify-organization';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const uniqueName = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

describe.each(testBackends)('organizations on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it('shows an organization to the public only once an administrator has verified it', async () => {
    const admin = await createActor(handle.db, 'admin');
    const name = uniqueName('Cycling Union');
    const { id } = await createOrganization(handle.db, { actor: admin, name, category: 'ngo', scale: 'local', sector: 'civil_society' });

    const publicNames = async () => (await listOrganizations(handle.db, { actor: ANONYMOUS })).map((o) => o.name);
    expect(await publicNames()).not.toContain(name);
    expect((await listOrganizations(handle.db, { actor: admin })).find((o) => o.id === id)).toMatchObject({ isVerified: false });

    await setOrganizationVerified(handle.db, { actor: admin, organizationId: id, isVerified: true });
    expect(await publicNames()).toContain(name);

    await setOrganizationVerified(handle.db, { actor: admin, organizationId: id, isVerified: false });
    expect(await publicNames()).not.toContain(name);
  });

  it('refuses a second organization with the same name', async () => {
    const admin = await createActor(handle.db, 'admin');
    const name = uniqueName('Tech Cluster');
    await createOrganization(handle.db, { actor: admin, name, category: 'industry_association', scale: 'national', sector: 'private' });
    await expect(
      createOrganization(handle.db, { actor: admin, name, category: 'industry_association', scale: 'national', sector: 'private' }),
    ).rejects.toMatchObject({ code: 'conflict', fieldErrors: { name: 'nameTaken' } });
  });

  it('lets only administrators create, verify and manage members', async () => {
    const admin = await createActor(handle.db, 'admin');
    const moderator = await createActor(handle.db, 'moderator');
    const fields = { name: uniqueName('Blocked'), category: 'ngo', scale: 'local', sector: 'civil_society' } as const;
    await expect(createOrganization(handle.db, { actor: moderator, ...fields })).rejects.toMatchObject({ code: 'forbidden' });
    const { id } = await createOrganization(handle.db, { actor: admin, ...fields });
    await expect(setOrganizationVerified(handle.db, { actor: moderator, organizationId: id, isVerified: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(addMember(handle.db, { actor: ANONYMOUS, organizationId: id, email: moderator.email })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('adds a member by e-mail, making a resident an organization member, and removes them', async () => {
    const admin = await createActor(handle.db, 'admin');
    const resident = await createActor(handle.db, 'resident', 'Joana');
    const { id } = await createOrganization(handle.db, {
      actor: admin,
      name: uniqueName('Residents'),
      category: 'citizens',
      scale: 'local',
      sector: 'civil_society',
    });

    await addMember(handle.db, { actor: admin, organizationId: id, email: resident.email });
    await addMember(handle.db, { actor: admin, organizationId: id, email: resident.email }); // twice is harmless
    const members = (await listOrganizations(handle.db, { actor: admin })).find((o) => o.id === id)?.members;
    expect(members).toEqual([{ userId: resident.id, name: 'Joana', email: resident.email }]);
    expect((await findUserById(handle.db, resident.id))?.role).toBe('organization_member');

    await removeMember(handle.db, { actor: admin, organizationId: id, userId: resident.id });
    expect((await listOrganizations(handle.db, { actor: admin })).find((o) => o.id === id)?.members).toEqual([]);
  });

  it('keeps a moderator’s role when they join an organization', async () => {
    const admin = await createActor(handle.db, 'admin');
    const moderator = await createActor(handle.db, 'moderator');
    const { id } = await createOrganization(handle.db, { actor: admin, name: uniqueName('Council'), category: 'municipality', scale: 'local', sector: 'public' });
    await addMember(handle.db, { actor: admin, organizationId: id, email: moderator.email });
    expect((await findUserById(handle.db, moderator.id))?.role).toBe('moderator');
  });

  it('says which field is wrong when no account has the e-mail', async () => {
    const admin = await createActor(handle.db, 'admin');
    const { id } = await createOrganization(handle.db, { actor: admin, name: uniqueName('Lonely'), category: 'ngo', scale: 'local', sector: 'civil_society' });
    await expect(addMember(handle.db, { actor: admin, organizationId: id, email: uniqueEmail('ghost') })).rejects.toMatchObject({
      code: 'not_found',
      fieldErrors: { email: 'memberNotFound' },
    });
  });

  it('never gives member e-mails to the public directory', async () => {
    const admin = await createActor(handle.db, 'admin');
    const member = await createActor(handle.db, 'resident');
    const { id } = await createOrganization(handle.db, { actor: admin, name: uniqueName('Open'), category: 'ngo', scale: 'local', sector: 'civil_society' });
    await setOrganizationVerified(handle.db, { actor: admin, organizationId: id, isVerified: true });
    await addMember(handle.db, { actor: admin, organizationId: id, email: member.email });
    const listed = (await listOrganizations(handle.db, { actor: ANONYMOUS })).find((o) => o.id === id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(member.email);
  });
});
