import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LegalDocumentPage } from '@/app/_components/legal-document-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('legal'))('title.privacy_notice') };
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <LegalDocumentPage kind="privacy_notice" path="/privacy" versionParam={(await searchParams).version} />;
}
