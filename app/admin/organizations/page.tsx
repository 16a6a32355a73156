import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { listOrganizations } from '@/lib/organizations/list-organizations';
import { AddMemberForm, CreateOrganizationForm, RemoveMemberForm, VerifyForm } from './organization-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.organizations'))('title') };
}

export default async function AdminOrganizationsPage() {
  const actor = await requirePermission('organization.manageMembers');
  const organizations = await listOrganizations(await getDb(), { actor });
  const t = await getTranslations('admin.organizations');
  const tOrganizations = await getTranslations('organizations');
  const tStakeholders = await getTranslations('stakeholders');

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t('title')}</h1>

      <section aria-labelledby="create-organization-heading" className="space-y-3">
        <h2 id="create-organization-heading" className="text-xl font-semibold">
          {t('createHeading')}
        </h2>
        <CreateOrganizationForm />
      </section>

      {organizations.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="space-y-4">
          {organizations.map((organization) => (
            <li key={organization.id} className="card space-y-3" data-testid={`organization-${organization.name}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h2 className="text-xl font-semibold">{organization.name}</h2>
                  <p className="text-sm text-stone-700">
                    {tStakeholders(`category.${organization.category}`)} · {tStakeholders(`scale.${organization.scale}`)} ·{' '}
                    {tStakeholders(`sector.${organization.sector}`)} ·{' '}
                    <strong>{organization.isVerified ? tOrganizations('verified') : tOrganizations('notVerified')}</strong>
                  </p>
                </div>
                <VerifyForm organization={organization} />
              </div>
              <h3 className="font-semibold">{t('members')}</h3>
              {organization.members && organization.members.length > 0 ? (
                <ul className="space-y-1">
                  {organization.members.map((member) => (
                    <li key={member.userId} className="flex flex-wrap items-center gap-3">
                      <span>
                        {member.name} <span className="text-sm text-stone-600">({member.email})</span>
                      </span>
                      <RemoveMemberForm organization={organization} member={member} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-stone-600">{t('noMembers')}</p>
              )}
              <AddMemberForm organization={organization} />
              <p className="hint">{t('memberHint')}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
