// GET /account/export: the signed-in person's personal-data download (a ZIP with JSON and
// a readable page). Recorded in the audit log, without its content.
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { collectPersonalData } from '@/lib/accounts/personal-data';
import { personalDataArchive } from '@/lib/accounts/personal-data-archive';
import { recordAudit } from '@/lib/audit/record';
import { isSignedIn } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { notFoundResponse } from '@/lib/http/not-found-response';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import { rateLimitKey, rateLimitStoreFor } from '@/lib/rate-limit/store';
import { waitValues } from '@/lib/rate-limit/wait';

export async function GET(): Promise<Response> {
  const actor = await getActor();
  // A browser that is not signed in is sent to sign in, and back here afterwards.
  if (!isSignedIn(actor)) redirect('/signin?callbackUrl=%2Faccount%2Fexport');
  const db = await getDb();
  try {
    await consumeRateLimit(rateLimitStoreFor(db), 'personalDataExport', rateLimitKey(actor.id));
  } catch (error) {
    if (!isAppError(error) || error.code !== 'rate_limited') throw error;
    const t = await getTranslations('errors');
    const seconds = error.retryAfterSeconds ?? 60;
    return new Response(t('rate_limited', waitValues(seconds)), {
      status: 429,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(seconds), 'Cache-Control': 'no-store' },
    });
  }
  const now = new Date();
  let data;
  try {
    data = await collectPersonalData(db, { actor, now });
  } catch (error) {
    // The account was deleted while the download was being asked for.
    if (isAppError(error) && error.code === 'not_found') return notFoundResponse();
    throw error;
  }
  const tExport = await getTranslations('dataExport');
  const translate = tExport as unknown as (key: string, values?: Record<string, string | number>) => string;
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
