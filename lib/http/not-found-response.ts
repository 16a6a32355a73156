// The answer of a download route for something that does not exist or that the visitor
// may not see: the same words either way, so a 404 reveals nothing.
import { getTranslations } from 'next-intl/server';

export async function notFoundResponse(): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t('not_found'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
