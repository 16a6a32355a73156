import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guards';
import { listCaseChannels } from '@/lib/grievances/case-queries';
import { env } from '@/lib/env';
import { instantToWallTime } from '@/lib/validation/wall-time';
import { RecordGrievanceForm } from './record-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievanceCases'))('record.title') };
}

export default async function RecordGrievancePage() {
  const actor = await requirePermission('grievance.recordOffline');
  const channels = await listCaseChannels(await getDb(), { actor });
  const t = await getTranslations('grievanceCases');
  const submissionKey = randomUUID();

  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label={t('case.breadcrumb')}>
        <Link href="/grievances/cases">{t('case.backToQueue')}</Link>
      </nav>
      <h1 className="text-3xl font-bold">{t('record.title')}</h1>
      <p>{t('record.intro')}</p>
      {channels.length === 0 ? (
        <p className="card" role="note">
          {t('record.noChannel')}
        </p>
      ) : (
        <RecordGrievanceForm channels={channels} submissionKey={submissionKey} now={instantToWallTime(new Date(), env().TIME_ZONE)} />
      )}
    </div>
  );
}
