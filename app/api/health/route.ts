// Liveness and readiness for load balancers: answers once the database answers.
import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDatabase } from '@/db';
import { logError } from '@/lib/log';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: 'ok', database: kind });
  } catch (error) {
    logError('health check failed', error);
    return NextResponse.json({ status: 'unavailable' }, { status: 503 });
  }
}
