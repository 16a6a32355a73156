import { getTranslations } from 'next-intl/server';
import type { ConsultationPhase } from '@/lib/consultations/lifecycle';

const STYLES: Record<ConsultationPhase, string> = {
  draft: 'bg-amber-100 text-amber-900',
  scheduled: 'bg-amber-100 text-amber-900',
  information: 'bg-sky-100 text-sky-900',
  open: 'bg-brand-100 text-brand-800',
  closed: 'bg-stone-200 text-stone-800',
  decided: 'bg-emerald-100 text-emerald-900',
};

export async function ConsultationPhaseBadge({ phase }: { phase: ConsultationPhase }) {
  const t = await getTranslations('consultations.phase');
  return <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${STYLES[phase]}`}>{t(phase)}</span>;
}
