// GET /account/export: the signed-in person's personal-data download (a ZIP with JSON and
// a readable page). Recorded in the audit log, without its content.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { collectPersonalData } from '@/lib/accounts/personal-data';
import { personalDataArchive } from '@/lib/accounts/personal-data-archive';
import { recordAudit } from '@/lib/audit/record';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { redirect } from 'next/navigation';

export async function GET(): Promise<Response> {
  const actor = await getActor();
  // A browser that is not signed in is sent to sign in, and back here afterwards.
  if (!isSignedIn(actor)) redirect('/signin?callbackUrl=%2Faccount%2Fexport');
  const db = await getDb();
  const now = new Date();
  const data = await collectPersonalData(db, { actor, now });
  const t = await getTranslations('dataExport');
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const archive = personalDataArchive(data, translate, await getLocale());
  await recordAudit(db, { actor, action: 'personal_data_exported', subjectType: 'account', subjectId: actor.id, now });
  return new Response(Buffer.from(archive), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="participa-personal-data-${now.toISOString().slice(0, 10)}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
