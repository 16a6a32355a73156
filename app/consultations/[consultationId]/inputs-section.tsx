import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { SelectFilter } from '@/app/_components/select-filter';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb, type Db } from '@/db';
import { ANONYMOUS, isSignedIn, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { hasEnded } from '@/lib/consultations/lifecycle';
import type { ConsultationView } from '@/lib/consultations/queries';
import { loadConsultationAnswers, type PublishedInputView } from '@/lib/decisions/queries';
import { listConsultationDocuments } from '@/lib/documents/queries';
import { listConsultationInputs } from '@/lib/inputs/queries';
import { INPUT_KINDS, type InputKind } from '@/lib/inputs/vocabulary';
import { listMyVerifiedOrganizations } from '@/lib/organizations/my-organizations';
import { InputForm } from './input-form';
import { ReplyForm, ReportForm, SupportForm } from './input-forms';
import { decisionLinks, ResponseSummary } from '@/app/_components/response-summary';

type SearchParams = { page?: string | string[]; kind?: string | string[]; submitted?: string | string[]; status?: string | string[] };

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

function pageNumber(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 100_000 ? parsed : 1;
}

function kindFilter(value: string | undefined): InputKind | undefined {
  return INPUT_KINDS.find((kind) => kind === value);
}

/** Answers are recorded once input has stopped: only then are this page's inputs' answers looked up. */
async function answersOf(db: Db, consultation: ConsultationView, inputIds: readonly string[]): Promise<ReadonlyMap<string, PublishedInputView>> {
  if (!hasEnded(consultation.phase) || inputIds.length === 0) return new Map();
  const { inputs } = await loadConsultationAnswers(db, { actor: ANONYMOUS, consultationId: consultation.id, inputIds });
  return new Map(inputs.map((input) => [input.id, input]));
}

/** What people said in the consultation, the way to add to it and, under each published input, what became of it. */
export async function InputsSection({
  consultation,
  actor,
  searchParams,
  decisions = [],
}: {
  consultation: ConsultationView;
  actor: Actor;
  searchParams: SearchParams;
  /** The published decisions, once input has ended: answers link to those they shaped. */
  decisions?: ReadonlyArray<{ id: string; title: string }>;
}) {
  const db = await getDb();
  const t = await getTranslations('inputs');
  const tSteps = await getTranslations('accountSteps');
  const format = await getFormatter();
  const page = pageNumber(single(searchParams.page));
  const kind = kindFilter(single(searchParams.kind));
  const listing = await listConsultationInputs(db, { actor, consultationId: consultation.id, page, kind });
  const answers = await answersOf(
    db,
    consultation,
    listing.items.filter((input) => input.status === 'published').map((input) => input.id),
  );
  const phase = consultation.phase;
  const canSubmit = can(actor, 'input.submit', { phase });
  const canReply = can(actor, 'input.reply', { phase });
  const plan = consultation.planDocumentId ? (await listConsultationDocuments(db, { consultationId: consultation.id })).find((document) => document.id === consultation.planDocumentId) : undefined;
  const submitted = Number(single(searchParams.submitted));
  const pageLink = (target: number) => `/consultations/${consultation.id}?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(target) }).toString()}#inputs-heading`;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <section aria-labelledby="inputs-heading" className="space-y-4">
      <h2 id="inputs-heading" className="text-2xl font-semibold">
        {t('title', { count: listing.total })}
      </h2>

      {Number.isInteger(submitted) && submitted > 0 && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
          {single(searchParams.status) === 'pending' ? t('submittedPending', { number: submitted }) : t('submittedPublished', { number: submitted })}
        </p>
      )}

      {canSubmit ? (
        <InputForm
          consultationId={consultation.id}
          submissionKey={randomUUID()}
          organizations={await listMyVerifiedOrganizations(db, { actor })}
          plan={plan ? { url: `/documents/${plan.id}/${encodeURIComponent(plan.fileName)}`, title: plan.title } : null}
        />
      ) : (
        <p className="card" role="note">
          {phase === 'open'
            ? isSignedIn(actor)
              ? (actor.pending ?? []).length > 0
                ? tSteps('consultationNote')
                : t('closedFor.staff')
              : t.rich('closedFor.anonymous', { link: (chunks) => <Link href={`/signin?callbackUrl=/consultations/${consultation.id}`}>{chunks}</Link> })
            : hasEnded(phase)
              ? t('closedFor.closed', { date: when(consultation.closedAt ?? consultation.closesAt) })
              : t('closedFor.notYetOpen', { date: when(consultation.opensAt) })}
        </p>
      )}

      <SelectFilter
        action={`/consultations/${consultation.id}`}
        name="kind"
        id="kind-filter"
        label={t('filter.label')}
        options={[{ value: '', label: t('filter.all') }, ...INPUT_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))]}
        defaultValue={kind ?? ''}
        applyLabel={t('filter.apply')}
      />

      {plan && listing.items.some((input) => input.pin) && (
        <figure className="space-y-2">
          <div className="relative inline-block max-w-full">
            {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload, served by our own route */}
            <img src={`/documents/${plan.id}/${encodeURIComponent(plan.fileName)}`} alt={plan.title} className="block max-w-full" />
            {listing.items
              .filter((input) => input.pin)
              .map((input) => (
                <a
                  key={input.id}
                  href={`#input-${input.number}`}
                  className="absolute -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-red-700 px-1.5 text-xs font-semibold text-white no-underline shadow"
                  style={{ left: `${input.pin!.x * 100}%`, top: `${input.pin!.y * 100}%` }}
                >
                  <span className="sr-only">{t('pinLink')} </span>#{input.number}
                </a>
              ))}
          </div>
          <figcaption className="hint">{t('pinsCaption')}</figcaption>
        </figure>
      )}

      {listing.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="space-y-4" aria-label={t('listLabel')}>
          {listing.items.map((input) => (
            <li key={input.id} id={`input-${input.number}`} className="card space-y-2">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium">{t(`kind.${input.kind}`)}</span>
                <span>#{input.number}</span>
                {input.status !== 'published' && <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">{t(`status.${input.status}`)}</span>}
                {input.pin && <span>{t('pinned', { x: Math.round(input.pin.x * 100), y: Math.round(input.pin.y * 100) })}</span>}
              </p>
              <h3 className="text-lg font-semibold">{input.title}</h3>
              <p className="text-sm text-stone-600">
                {input.organization
                  ? t('byOrganization', { organization: input.organization.name, date: when(input.publishedAt ?? input.createdAt) })
                  : input.author.name
                    ? t('byPerson', { name: input.author.name, date: when(input.publishedAt ?? input.createdAt) })
                    : input.author.isFormerParticipant
                      ? t('byFormerParticipant', { date: when(input.publishedAt ?? input.createdAt) })
                      : t('byAnonymous', { date: when(input.publishedAt ?? input.createdAt) })}
                {input.channel !== 'online' && <> · {t(`channel.${input.channel}`)}</>}
              </p>
              {input.hidden && (
                <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
                  {t('hiddenBecause', { reason: t(`hideReason.${input.hidden.reason}`) })} {input.hidden.note}
                </p>
              )}
              <p className="max-w-3xl whitespace-pre-line break-words">{input.body}</p>
              <InputResponse answer={input.status === 'published' ? answers.get(input.id) : undefined} heading={t('response.heading')} consultationId={consultation.id} decisions={decisions} />
              <div className="flex flex-wrap items-center gap-4">
                {can(actor, 'input.support', { phase, isAuthor: input.isOwn }) ? (
                  <SupportForm inputId={input.id} supportedByMe={input.supportedByMe} supportCount={input.supportCount} />
                ) : (
                  <span>{t('support.count', { count: input.supportCount })}</span>
                )}
                {input.status === 'published' && can(actor, 'input.report', { isAuthor: input.isOwn }) && <ReportForm inputId={input.id} number={input.number} />}
              </div>
              {(input.replies.length > 0 || (canReply && input.status === 'published')) && (
                <div className="space-y-2 border-l-4 border-stone-200 pl-4">
                  <h4 className="font-semibold">{t('replies', { count: input.replies.length })}</h4>
                  {input.replies.length > 0 && (
                    <ol className="space-y-2">
                      {input.replies.map((reply) => (
                        <li key={reply.id} id={`input-${reply.number}`}>
                          <p className="text-sm text-stone-600">
                            {reply.author.name
                              ? t('byPerson', { name: reply.author.name, date: when(reply.createdAt) })
                              : reply.author.isFormerParticipant
                                ? t('byFormerParticipant', { date: when(reply.createdAt) })
                                : t('byAnonymous', { date: when(reply.createdAt) })}
                            {reply.status !== 'published' && <> · {t(`status.${reply.status}`)}</>}
                          </p>
                          <p className="whitespace-pre-line break-words">{reply.body}</p>
                        </li>
                      ))}
                    </ol>
                  )}
                  {canReply && input.status === 'published' && <ReplyForm parentId={input.id} number={input.number} submissionKey={randomUUID()} />}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}

      {listing.pageCount > 1 && (
        <nav aria-label={t('pagination.label')} className="flex flex-wrap items-center gap-4">
          {page > 1 && <Link href={pageLink(page - 1)}>{t('pagination.previous')}</Link>}
          <span>{t('pagination.position', { page: listing.page, pages: listing.pageCount })}</span>
          {page < listing.pageCount && <Link href={pageLink(page + 1)}>{t('pagination.next')}</Link>}
        </nav>
      )}
    </section>
  );
}

/** The answer under a published input, when it has one. */
function InputResponse({
  answer,
  heading,
  consultationId,
  decisions,
}: {
  answer: PublishedInputView | undefined;
  heading: string;
  consultationId: string;
  decisions: ReadonlyArray<{ id: string; title: string }>;
}) {
  if (!answer?.response) return null;
  const { response, respondedVia, theme } = answer;
  return (
    <div className="max-w-3xl space-y-1 rounded-md border border-stone-200 bg-stone-50 p-3">
      <h4 className="font-semibold">{heading}</h4>
      <ResponseSummary {...response} viaTheme={respondedVia === 'theme' ? (theme?.title ?? null) : null} decisions={decisionLinks(consultationId, response.decisionIds, decisions)} />
    </div>
  );
}
