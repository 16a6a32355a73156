import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type Kind = 'forbidden' | 'unauthorized' | 'notFound';

export async function AccessMessage({ kind }: { kind: Kind }) {
  const t = await getTranslations('access');
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">{t(`${kind}Title`)}</h1>
      <p>{t(kind)}</p>
      <p className="flex gap-3">
        {kind === 'unauthorized' && (
          <Link href="/signin" className="button">
            {(await getTranslations('layout'))('signIn')}
          </Link>
        )}
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
