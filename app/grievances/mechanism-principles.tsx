import { getTranslations } from 'next-intl/server';

const PRINCIPLES = ['free', 'accessible', 'impartial', 'predictable', 'noRetaliation'] as const;

/** What anyone may expect of the mechanism (after the UN Guiding Principles' effectiveness criteria). */
export async function MechanismPrinciples({ headingId }: { headingId: string }) {
  const t = await getTranslations('grievanceChannels');
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-2xl font-semibold">
        {t('principlesHeading')}
      </h2>
      <ul className="max-w-3xl list-disc space-y-1 pl-6">
        {PRINCIPLES.map((principle) => (
          <li key={principle}>{t.rich(`principles.${principle}`, { strong: (chunks) => <strong>{chunks}</strong> })}</li>
        ))}
      </ul>
    </section>
  );
}
