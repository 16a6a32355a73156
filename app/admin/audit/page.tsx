import type { Metadata } from 'next';
import Link from 'next/link';
import { inArray } from 'drizzle-orm';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SelectFilter } from '@/app/_components/select-filter';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { publicName } from '@/lib/accounts/public-name';
import { AUDIT_PAGE_SIZE, auditCursorText, listAuditEntries, parseAuditCursor } from '@/lib/audit/record';
import { AUDIT_ACTIONS, isAuditAction } from '@/lib/audit/vocabulary';
import { requirePermission } from '@/lib/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('audit.view');
  const params = await searchParams;
  const action = isAuditAction(params.action) ? params.action : undefined;
  const before = parseAuditCursor(params.before);
  const db = await getDb();
  const entries = await listAuditEntries(db, { actor, action, before });
  const actorIds = [...new Set(entries.map((entry) => entry.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    actorIds.length === 0 ? [] : (await db.select({ id: users.id, name: publicName }).from(users).where(inArray(users.id, actorIds))).map((row) => [row.id, row.name]),
  );
  const t = await getTranslations('admin.audit');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();
  const last = entries.at(-1);

  return (
    <section className="space-y-4" aria-labelledby="audit-heading">
      <h1 id="audit-heading" className="text-3xl font-bold">
        {t('title')}
      </h1>
      <p>{t('lead')}</p>
      <SelectFilter
        action="/admin/audit"
        name="action"
        id="audit-action"
        label={t('filter')}
        options={[{ value: '', label: t('allActions') }, ...AUDIT_ACTIONS.map((value) => ({ value, label: t(`action.${value}`) }))]}
        defaultValue={action ?? ''}
        applyLabel={t('apply')}
      />
      {entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t('when')}</th>
                <th scope="col" className="p-2">{t('what')}</th>
                <th scope="col" className="p-2">{t('who')}</th>
                <th scope="col" className="p-2">{t('subject')}</th>
                <th scope="col" className="p-2">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-stone-200 align-top">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <th scope="row" className="p-2 font-medium">{t(`action.${entry.action}`)}</th>
                  <td className="p-2">
                    {entry.actorId === null
                      ? t('system')
                      : `${names.get(entry.actorId) ?? t('deletedAccount')}${entry.actorRole ? ` (${tRoles(entry.actorRole)})` : ''}`}
                  </td>
                  <td className="p-2 font-mono text-xs">
                    {t(`subjectType.${entry.subjectType === 'account' || entry.subjectType === 'grievance' || entry.subjectType === 'legal_document' ? entry.subjectType : 'retention'}`)}
                    {entry.subjectId && <span className="block">{entry.subjectId}</span>}
                  </td>
                  <td className="p-2 text-sm">
                    {Object.entries(entry.details)
                      .map(([key, value]) => `${key}: ${String(value)}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length === AUDIT_PAGE_SIZE && last && (
        <p>
          <Link href={`/admin/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: auditCursorText(last) }).toString()}`}>{t('older')}</Link>
        </p>
      )}
    </section>
  );
}
