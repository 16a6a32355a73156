// The one wrapper for JSON route handlers: parse the query, find the actor, run, and
// turn failures into an error body a person can read. The handler authorizes through
// the policy module itself.
import { getTranslations } from 'next-intl/server';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { AppError, isAppError, type ErrorCode } from '@/lib/errors';
import { logError } from '@/lib/log';

export interface RouteContext {
  actor: Actor;
  db: Db;
  request: NextRequest;
}

async function errorResponse(code: ErrorCode, status: number): Promise<NextResponse> {
  const t = await getTranslations('errors');
  return NextResponse.json({ error: { code, message: t(code) } }, { status, headers: { 'cache-control': 'no-store' } });
}

export function jsonQueryRoute<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  handler: (query: z.infer<Schema>, context: RouteContext) => Promise<unknown>,
): (request: NextRequest) => Promise<NextResponse> {
  return async (request) => {
    const parsed = schema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) return errorResponse('bad_request', 400);
    try {
      const body = await handler(parsed.data, { actor: await getActor(), db: await getDb(), request });
      return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      if (isAppError(error) && error.isSafeToShow) return errorResponse(error.code, error.status);
      logError(`${request.method} ${request.nextUrl.pathname} failed`, error);
      return errorResponse('internal', new AppError('internal').status);
    }
  };
}
