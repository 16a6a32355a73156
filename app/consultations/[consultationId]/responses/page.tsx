import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConsultationPhaseBadge } from '@/app/_components/consultation-phase-badge';
import { SelectFilter } from '@/app/_components/select-filter';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { can } from '@/lib/auth/policy';
import { findConsultation } from '@/lib/consultations/queries';
import { accountabilityCoverage, coverageMessageValues } from '@/lib/decisions/figures';
import { earlierRevisions, listDecisions, loadConsultationAnswers, type PublishedInputView, type ResponseView } from '@/lib/decisions/queries';
import { InputCard, ThemeCard, type AnsweringContext } from './answer-cards';
import { CreateThemeForm } from './theme-forms';

type Props = { params: Promise<{ consultationId: string }>; searchParams: Promise<{ show?: string | string[]; page?: string | string[] }> };

/** Inputs per page: each carries its own response form. */
const PAGE_SIZE = 50;

function pageNumber(value: string | string[] | undefined): number {
  const parsed = Number(typeof value === 'string' ? value : undefined);
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 100_000 ? parsed : 1;
}

const FILTERS = ['all', 'unanswered', 'answered', 'theme'] as const;
type Filter = (typeof FILTERS)[number];

const filterOf = (value: string | string[] | undefined): Filter => FILTERS.find((filter) => filter === value) ?? 'all';

function isShown(input: PublishedInputView, filter: Filter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return input.response === null;
    case 'answered':
      return input.response !== null;
    case 'theme':
      return input.theme !== null;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('responses'))('metaTitle') };
}

export default async function ResponsesPage({ params, searchParams }: Props) {
  const actor = await requirePermission('consultation.manage');
  const db = await getDb();
  const consultation = await findConsultation(db, { actor, id: (await params).consultationId });
  if (!consultation) notFound();
  const [answers, decisions] = await Promise.all([
    loadConsultationAnswers(db, { actor, consultationId: consultation.id }),
    listDecisions(db, { actor, consultationId: consultation.id }),
  ]);
  // Inputs of an answered theme share its response: ask for each response's history once.
  const responses = new Map<string, ResponseView>();
  for (const response of [...answers.inputs.map((input) => input.response), ...answers.themes.map((theme) => theme.response)]) {
    if (response) responses.set(response.id, response);
  }
  const earlier = await earlierRevisions(db, [...responses.values()]);

  const t = await getTranslations('responses');
  const td = await getTranslations('decisions');
  const tc = await getTranslations('consultations');
  const ti = await getTranslations('inputs');
  const query = await searchParams;
  const filter = filterOf(query.show);
  const base = `/consultations/${consultation.id}`;
  const listHref = (page: number) => {
    const search = new URLSearchParams({ ...(filter === 'all' ? {} : { show: filter }), ...(page > 1 ? { page: String(page) } : {}) }).toString();
    return `${base}/responses${search ? `?${search}` : ''}`;
  };
  const shown = answers.inputs.filter((input) => isShown(input, filter));
  const pageCount = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(pageNumber(query.page), pageCount);
  const onPage = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const pageHref = listHref(page);
  const coverage = accountabilityCoverage(answers.inputs);
  const canRespond = can(actor, 'response.record', { phase: consultation.phase });
  const context: AnsweringContext = {
    consultationId: consultation.id,
    decisions: decisions.map((decision) => ({ id: decision.id, title: decision.title, isPublished: decision.status === 'published' })),
    earlier,
    canRespond,
    pageHref,
    decisionsHref: `${base}/decisions`,
  };
  // Only inputs without an answer of their own and outside any theme can be grouped.
  const eligible = answers.inputs.filter((input) => input.response === null && input.theme === null).map(({ id, number, title }) => ({ id, number, title }));

  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href={`${base}/manage`}>← {t('backToManage')}</Link>
        </p>
        <h1 className="text-3xl font-bold">{t('title', { title: consultation.title })}</h1>
        <p className="flex flex-wrap items-center gap-2">
          {tc('statusLabel')} <ConsultationPhaseBadge phase={consultation.phase} />
        </p>
        <p>{coverage.share === null ? td('coverageNone') : td('coverage', coverageMessageValues(coverage))}</p>
        {coverage.unanswered > 0 && (
          <p className="font-medium">
            {t('unanswered', { count: coverage.unanswered })}{' '}
            {filter !== 'unanswered' && <Link href={`${base}/responses?show=unanswered#inputs-heading`}>{t('showUnanswered')}</Link>}
          </p>
        )}
        <nav aria-label={t('linksLabel')} className="flex flex-wrap gap-4">
          <Link href={`${base}/decisions`}>{t('decisionsLink')}</Link>
          <Link href={base}>{t('publicLink')}</Link>
        </nav>
        {!canRespond && (
          <p role="note" className="card max-w-3xl">
            {t('stillTakingInput')}
          </p>
        )}
      </header>

      <section aria-labelledby="themes-heading" className="space-y-4">
        <h2 id="themes-heading" className="text-2xl font-semibold">
          {t('themes.title')}
        </h2>
        <p className="max-w-3xl">{t('themes.intro')}</p>
        {answers.themes.length === 0 ? (
          <p>{t('themes.none')}</p>
        ) : (
          <ul className="space-y-4" aria-label={t('themes.listLabel')}>
            {answers.themes.map((theme) => (
              <ThemeCard
                key={theme.id}
                theme={theme}
                members={answers.inputs.filter((input) => input.theme?.id === theme.id)}
                eligible={eligible}
                context={context}
              />
            ))}
          </ul>
        )}
        {canRespond && <CreateThemeForm consultationId={consultation.id} eligible={eligible} permalink={`${pageHref}#themes-heading`} />}
      </section>

      <section aria-labelledby="inputs-heading" className="space-y-4">
        <h2 id="inputs-heading" className="text-2xl font-semibold">
          {t('inputs.title', { count: answers.inputs.length })}
        </h2>
        <SelectFilter
          action={`${base}/responses`}
          name="show"
          id="responses-filter"
          label={t('filter.label')}
          options={FILTERS.map((value) => ({ value, label: t(`filter.${value}`) }))}
          defaultValue={filter}
          applyLabel={t('filter.apply')}
        />
        {filter !== 'all' && <p>{t('filter.showing', { shown: shown.length, total: answers.inputs.length })}</p>}
        {shown.length === 0 ? (
          <p>{answers.inputs.length === 0 ? t('inputs.none') : t('inputs.noneShown')}</p>
        ) : (
          <ol className="space-y-4" aria-label={t('inputs.listLabel')}>
            {onPage.map((input) => (
              <InputCard key={input.id} input={input} context={context} />
            ))}
          </ol>
        )}
        {pageCount > 1 && (
          <nav aria-label={ti('pagination.label')} className="flex flex-wrap items-center gap-4">
            {page > 1 && <Link href={`${listHref(page - 1)}#inputs-heading`}>{t('pagination.previous')}</Link>}
            <span>{ti('pagination.position', { page, pages: pageCount })}</span>
            {page < pageCount && <Link href={`${listHref(page + 1)}#inputs-heading`}>{t('pagination.next')}</Link>}
          </nav>
        )}
      </section>
    </article>
  );
}
