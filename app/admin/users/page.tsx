import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { listUsers } from '@/lib/accounts/list-users';
import { isSignedIn } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guards';
import { DeleteAccountForm } from './delete-account-form';
import { RoleForm } from './role-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

export default async function AdminUsersPage() {
  const actor = await requirePermission('user.list');
  const users = await listUsers(await getDb(), { actor });
  const t = await getTranslations('admin.users');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();

  return (
    <section className="space-y-4" aria-labelledby="users-heading">
      <div className="flex items-baseline justify-between">
        <h1 id="users-heading" className="text-3xl font-bold">
          {t('title')}
        </h1>
        <p className="text-stone-600">{t('count', { count: users.length })}</p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">{t('name')}</th>
              <th scope="col" className="p-2">{t('email')}</th>
              <th scope="col" className="p-2">{t('role')}</th>
              <th scope="col" className="p-2">{t('created')}</th>
              <th scope="col" className="p-2">{t('changeRole')}</th>
              <th scope="col" className="p-2">{t('deleteAccount')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-stone-200 align-top" data-testid={`user-row-${user.email}`}>
                <th scope="row" className="p-2 font-medium">
                  {user.name}
                  {isSignedIn(actor) && actor.id === user.id && <span className="ml-1 text-sm text-stone-600">({t('you')})</span>}
                </th>
                <td className="p-2">{user.email}</td>
                <td className="p-2">{tRoles(user.role)}</td>
                <td className="p-2">{format.dateTime(user.createdAt, { dateStyle: 'medium' })}</td>
                <td className="p-2">
                  {can(actor, 'user.changeRole', { userId: user.id }) ? (
                    <RoleForm user={user} />
                  ) : (
                    <span className="text-sm text-stone-600">{t('ownRoleFixed')}</span>
                  )}
                </td>
                <td className="p-2">{can(actor, 'user.delete', { userId: user.id }) && <DeleteAccountForm user={user} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
