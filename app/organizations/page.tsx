import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { ANONYMOUS } from '@/lib/auth/actor';
import { listOrganizations } from '@/lib/organizations/list-organizations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('organizations'))('title') };
}

/** The public directory: verified organizations only, whoever is looking. */
export default async function OrganizationsPage() {
  const organizations = await listOrganizations(await getDb(), { actor: ANONYMOUS });
  const t = await getTranslations('organizations');
  const tStakeholders = await getTranslations('stakeholders');

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="max-w-3xl">{t('lead')}</p>
      {organizations.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {organizations.map((organization) => (
            <li key={organization.id} className="card space-y-2">
              <h2 className="text-xl font-semibold">{organization.name}</h2>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium">{t('category')}</dt>
                <dd>{tStakeholders(`category.${organization.category}`)}</dd>
                <dt className="font-medium">{t('scale')}</dt>
                <dd>{tStakeholders(`scale.${organization.scale}`)}</dd>
                <dt className="font-medium">{t('sector')}</dt>
                <dd>{tStakeholders(`sector.${organization.sector}`)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
