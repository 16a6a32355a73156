import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('layout');
  return (
    <footer className="border-t border-stone-200 bg-white print:hidden">
      <div className="mx-auto max-w-5xl space-y-1 px-4 py-6 text-sm text-stone-600">
        <p>{t('footerAbout')}</p>
        <p>{t('footerPrivacy')}</p>
        <p className="flex flex-wrap gap-4">
          <Link href="/privacy">{t('privacyNotice')}</Link>
          <Link href="/terms">{t('terms')}</Link>
        </p>
      </div>
    </footer>
  );
}
