// The report's answers: each theme with its answer and the inputs it covers, then each
// input answered on its own, with the kind of participant who gave it (an organization
// by name, never a person) and what became of it. Every input links to where it stands
// in the consultation.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PublishedInputView, ResponseRevisionView, ThemeView } from '@/lib/decisions/queries';
import { decisionLinks, OutcomeBadge, ResponseSummary } from '@/app/_components/response-summary';

type Earlier = ReadonlyMap<string, ResponseRevisionView[]>;
/** The consultation's published decisions. */
type Decisions = ReadonlyArray<{ id: string; title: string }>;

const inputLink = (consultationId: string, number: number) => `/consultations/${consultationId}#input-${number}`;

export async function ThemeList({
  consultationId,
  themes,
  inputs,
  earlier,
  decisions,
}: {
  consultationId: string;
  themes: readonly ThemeView[];
  inputs: readonly PublishedInputView[];
  earlier: Earlier;
  decisions: Decisions;
}) {
  const t = await getTranslations('report.themes');
  return (
    <ul className="space-y-4">
      {themes.map((theme) => {
        const members = inputs.filter((input) => theme.inputIds.includes(input.id));
        return (
          <li key={theme.id} className="card space-y-3 break-inside-avoid print:shadow-none">
            <h3 className="text-lg font-semibold">{theme.title}</h3>
            {theme.response ? (
              <ResponseSummary {...theme.response} viaTheme={null} earlier={earlier.get(theme.response.id)} decisions={decisionLinks(consultationId, theme.response.decisionIds, decisions)} />
            ) : (
              <p>
                <OutcomeBadge outcome={null} />
              </p>
            )}
            <div>
              <h4 className="font-semibold">{t('inputs', { count: members.length })}</h4>
              <ul className="list-disc space-y-1 pl-5">
                {members.map((input) => (
                  <li key={input.id}>
                    <Link href={inputLink(consultationId, input.number)}>#{input.number}</Link> {input.title}
                  </li>
                ))}
              </ul>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export async function InputList({ consultationId, inputs, earlier, decisions }: { consultationId: string; inputs: readonly PublishedInputView[]; earlier: Earlier; decisions: Decisions }) {
  const t = await getTranslations('report.inputs');
  const ti = await getTranslations('inputs');
  const ts = await getTranslations('stakeholders');
  return (
    <ol className="space-y-4">
      {inputs.map((input) => (
        <li key={input.id} className="card space-y-2 break-inside-avoid print:shadow-none">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={inputLink(consultationId, input.number)} aria-label={t('numberLink', { number: input.number })}>
              #{input.number}
            </Link>
            <span className="rounded-full bg-stone-100 px-2 py-0.5 font-medium">{ti(`kind.${input.kind}`)}</span>
          </p>
          <h3 className="text-lg font-semibold">{input.title}</h3>
          <p className="text-sm text-stone-600">
            {/* A report is printed and passed around: it names organizations, never a person. */}
            {input.organization ? t('fromOrganization', { organization: input.organization.name, category: ts(`category.${input.organization.category}`) }) : t('fromResident')}
            {input.channel !== 'online' && <> · {ti(`channel.${input.channel}`)}</>}
          </p>
          {input.response ? (
            <ResponseSummary {...input.response} viaTheme={null} earlier={earlier.get(input.response.id)} decisions={decisionLinks(consultationId, input.response.decisionIds, decisions)} />
          ) : (
            <p>
              <OutcomeBadge outcome={null} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
