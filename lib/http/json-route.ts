// The one wrapper for JSON route handlers: parse the query, find the actor, count the
// request against its rate limit, run, and turn failures into an error body a person
// can read. The handler authorizes through the policy module itself.
import { getTranslations } from 'next-intl/server';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { getActor } from '@/lib/auth/session';
import { AppError, isAppError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { consumeRateLimit } from '@/lib/rate-limit/limits';
import type { RateLimitName } from '@/lib/rate-limit/policies';
import { rateLimitKey, rateLimitStoreFor } from '@/lib/rate-limit/store';
import { waitValues } from '@/lib/rate-limit/wait';

export interface RouteContext {
  actor: Actor;
  db: Db;
  request: NextRequest;
}

async function errorResponse(error: AppError): Promise<NextResponse> {
  const t = await getTranslations('errors');
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  const retryAfter = error.retryAfterSeconds;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  const message = t(error.code, retryAfter === undefined ? undefined : waitValues(retryAfter));
  return NextResponse.json({ error: { code: error.code, message } }, { status: error.status, headers });
}

export function jsonQueryRoute<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  handler: (query: z.infer<Schema>, context: RouteContext) => Promise<unknown>,
  { limit }: { limit?: RateLimitName } = {},
): (request: NextRequest) => Promise<NextResponse> {
  return async (request) => {
    const parsed = schema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) return errorResponse(new AppError('bad_request'));
    try {
      const context = { actor: await getActor(), db: await getDb(), request };
      if (limit) {
        const key = context.actor.kind === 'user' ? rateLimitKey('user', context.actor.id) : rateLimitKey('address', clientAddressFrom(request.headers));
        await consumeRateLimit(rateLimitStoreFor(context.db), limit, key);
      }
      const body = await handler(parsed.data, context);
      return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      if (isAppError(error) && error.isSafeToShow) return errorResponse(error);
      logError(`${request.method} ${request.nextUrl.pathname} failed`, error);
      return errorResponse(new AppError('internal'));
    }
  };
}
