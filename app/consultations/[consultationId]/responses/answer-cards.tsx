// One published input, and one theme, as staff answer them: what was said, the answer
// that applies, its earlier wordings, and the forms to answer or regroup.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublishedInputView, ResponseRevisionView, ResponseView, ThemeView } from '@/lib/decisions/queries';
import { ResponseForm, type CurrentResponse, type DecisionOption } from './response-form';
import { ResponseSummary } from './response-summary';
import { AddToThemeForm, DeleteThemeForm, RemoveFromThemeForm, type EligibleInput } from './theme-forms';

/** Only what the form needs travels to the browser. */
const currentOf = (response: ResponseView | null): CurrentResponse | null =>
  response && { outcome: response.outcome, explanation: response.explanation, decisionIds: response.decisionIds, revision: response.revision };

/** What every card on the page shares. */
export interface AnsweringContext {
  consultationId: string;
  decisions: readonly DecisionOption[];
  earlier: ReadonlyMap<string, ResponseRevisionView[]>;
  /** False while the consultation takes input: answers come after it. */
  canRespond: boolean;
  /** The page with its filter, without an anchor. */
  pageHref: string;
  decisionsHref: string;
}

export async function InputCard({ input, context }: { input: PublishedInputView; context: AnsweringContext }) {
  const t = await getTranslations('responses.input');
  const ti = await getTranslations('inputs');
  const ts = await getTranslations('stakeholders.category');
  const format = await getFormatter();
  const response = input.response;
  const author = input.organization
    ? t('fromOrganization', { organization: input.organization.name, category: ts(input.organization.category) })
    : input.authorName
      ? t('fromPerson', { name: input.authorName })
      : input.authorIsFormerParticipant
        ? t('fromFormerParticipant')
        : t('fromNobodyNamed');

  return (
    <li id={`input-${input.number}`} className="card scroll-mt-4 space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium">{ti(`kind.${input.kind}`)}</span>
        <span>#{input.number}</span>
        {input.channel !== 'online' && <span>{ti(`channel.${input.channel}`)}</span>}
      </p>
      <h3 className="text-lg font-semibold">{t('heading', { number: input.number, title: input.title })}</h3>
      <p className="text-sm text-stone-700">
        {author} · {t('published', { date: format.dateTime(input.publishedAt, { dateStyle: 'long' }) })}
      </p>
      <details>
        <summary className="cursor-pointer">{t('readText')}</summary>
        <p className="mt-2 max-w-3xl whitespace-pre-line break-words">{input.body}</p>
      </details>

      <h4 className="font-semibold">{t('responseHeading')}</h4>
      <ResponseSummary
        consultationId={context.consultationId}
        response={response}
        earlier={response ? (context.earlier.get(response.id) ?? []) : []}
        decisions={context.decisions}
        viaTheme={input.respondedVia === 'theme' && input.theme ? input.theme : undefined}
      />
      {input.theme ? (
        input.respondedVia !== 'theme' && (
          <p className="text-sm">
            {t.rich('inTheme', { theme: input.theme.title, link: (chunks) => <a href={`#theme-${input.theme!.id}`}>{chunks}</a> })}
          </p>
        )
      ) : (
        context.canRespond && (
          <section aria-labelledby={`input-${input.number}-form-heading`} className="space-y-3 border-t border-stone-200 pt-3">
            <h4 id={`input-${input.number}-form-heading`} className="font-semibold">
              {response ? t('changeHeading') : t('recordHeading')}
            </h4>
            <ResponseForm
              consultationId={context.consultationId}
              subject={{ inputId: input.id }}
              idPrefix={`input-${input.number}-`}
              label={t('formLabel', { number: input.number })}
              current={currentOf(response)}
              decisions={context.decisions}
              decisionsHref={context.decisionsHref}
              permalink={`${context.pageHref}#input-${input.number}`}
            />
          </section>
        )
      )}
    </li>
  );
}

export async function ThemeCard({
  theme,
  members,
  eligible,
  context,
}: {
  theme: ThemeView;
  members: readonly PublishedInputView[];
  eligible: readonly EligibleInput[];
  context: AnsweringContext;
}) {
  const t = await getTranslations('responses.themes');
  const anchor = `theme-${theme.id}`;
  const permalink = `${context.pageHref}#${anchor}`;
  return (
    <li id={anchor} className="card scroll-mt-4 space-y-3">
      <h3 className="text-lg font-semibold">{t('heading', { title: theme.title })}</h3>
      <p className="text-sm text-stone-700">{t('memberCount', { count: members.length })}</p>
      {members.length > 0 && (
        <ul className="space-y-1">
          {members.map((input) => (
            <li key={input.id} className="flex flex-wrap items-baseline gap-x-3">
              <a href={`#input-${input.number}`}>{t('inputOption', { number: input.number, title: input.title })}</a>
              {context.canRespond && <RemoveFromThemeForm consultationId={context.consultationId} themeId={theme.id} input={input} permalink={permalink} />}
            </li>
          ))}
        </ul>
      )}
      {context.canRespond && theme.response && members.length > 0 && <p className="hint">{t('removeAnsweredHint')}</p>}
      {context.canRespond && (eligible.length > 0 ? (
        <AddToThemeForm consultationId={context.consultationId} themeId={theme.id} title={theme.title} eligible={eligible} permalink={permalink} />
      ) : (
        <p className="hint">{t('noneToAdd')}</p>
      ))}

      <h4 className="font-semibold">{t('responseHeading')}</h4>
      <ResponseSummary
        consultationId={context.consultationId}
        response={theme.response}
        earlier={theme.response ? (context.earlier.get(theme.response.id) ?? []) : []}
        decisions={context.decisions}
      />
      {context.canRespond && (
        <section aria-labelledby={`${anchor}-form-heading`} className="space-y-3 border-t border-stone-200 pt-3">
          <h4 id={`${anchor}-form-heading`} className="font-semibold">
            {theme.response ? t('changeHeading') : t('recordHeading')}
          </h4>
          <p className="hint">{t('answerHint', { count: members.length })}</p>
          <ResponseForm
            consultationId={context.consultationId}
            subject={{ themeId: theme.id }}
            idPrefix={`${anchor}-`}
            label={t('formLabel', { title: theme.title })}
            current={currentOf(theme.response)}
            decisions={context.decisions}
            decisionsHref={context.decisionsHref}
            permalink={permalink}
          />
        </section>
      )}
      {context.canRespond && !theme.response && <DeleteThemeForm consultationId={context.consultationId} themeId={theme.id} title={theme.title} permalink={`${context.pageHref}#themes-heading`} />}
    </li>
  );
}
