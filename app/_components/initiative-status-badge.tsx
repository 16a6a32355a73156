import { getTranslations } from 'next-intl/server';
import type { InitiativeStatus } from '@/lib/initiatives/status';

const STYLES: Record<InitiativeStatus, string> = {
  draft: 'bg-amber-100 text-amber-900',
  active: 'bg-brand-100 text-brand-800',
  completed: 'bg-sky-100 text-sky-900',
  archived: 'bg-stone-200 text-stone-800',
};

export async function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const t = await getTranslations('initiatives.status');
  return <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${STYLES[status]}`}>{t(status)}</span>;
}
