// The grievances a signed-in person filed with their account, each linking to its case.
import type { Metadata } from 'next';
import Link from 'next/link';
import { unauthorized } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { listMyGrievances } from '@/lib/grievances/my-grievances';
import { CaseClockText } from '../cases/case-clock';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('grievances'))('mine.title') };
}

export default async function MyGrievancesPage() {
  const actor = await getActor();
  if (!isSignedIn(actor)) unauthorized();
  const grievances = await listMyGrievances(await getDb(), { actor });
  const t = await getTranslations('grievances');
  const format = await getFormatter();

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t('mine.title')}</h1>
      <p className="max-w-3xl">{t('mine.intro')}</p>
      {grievances.length === 0 ? (
        <p>{t('mine.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t('mine.title')}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">
                  {t('mine.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('mine.channel')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('mine.category')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('mine.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('mine.received')}
                </th>
                <th scope="col" className="py-2">
                  {t('mine.deadline')}
                </th>
              </tr>
            </thead>
            <tbody>
              {grievances.map((grievance) => (
                <tr key={grievance.reference} className="border-b border-stone-200 align-top">
                  <th scope="row" className="py-2 pr-4 font-mono font-semibold">
                    <Link href={`/grievances/follow/${grievance.reference}`}>{grievance.reference}</Link>
                  </th>
                  <td className="py-2 pr-4">{grievance.channelName}</td>
                  <td className="py-2 pr-4">{t(`category.${grievance.category}`)}</td>
                  <td className="py-2 pr-4">{t(`status.${grievance.status}`)}</td>
                  <td className="py-2 pr-4">{format.dateTime(grievance.receivedAt, { dateStyle: 'medium' })}</td>
                  <td className="py-2">
                    <CaseClockText clock={grievance.clock} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="flex flex-wrap gap-4">
        <Link href="/grievances">{t('mine.fileLink')}</Link>
        <Link href="/grievances/follow">{t('mine.followLink')}</Link>
      </p>
    </div>
  );
}
