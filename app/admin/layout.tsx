import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { NavLink } from '@/app/_components/nav-link';
import { requirePermission } from '@/lib/auth/guards';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePermission('admin.access');
  const t = await getTranslations('admin');
  return (
    <div className="space-y-6">
      <p className="text-sm font-medium tracking-wide text-stone-600 uppercase">{t('title')}</p>
      <nav aria-label={t('title')}>
        <ul className="flex flex-wrap gap-4 border-b border-stone-200 pb-2">
          <li>
            <NavLink href="/admin/users">{t('usersTab')}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/organizations">{t('organizationsTab')}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/legal">{t('legalTab')}</NavLink>
          </li>
          <li>
            <NavLink href="/admin/audit">{t('auditTab')}</NavLink>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
