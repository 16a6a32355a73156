// The route handler behind both statistics downloads (statistics.csv and statistics.json
// under /grievances/channels/<id>/): find the channel as the visitor may see it, count,
// and send the file with its type and a name to save it as.
import { z } from 'zod';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/documents/file-check';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { findChannel, isPublicChannel } from './channels';
import { exportStatistics, type StatisticsFormat } from './statistics-export';
import { channelStatistics } from './statistics-queries';
import { notFoundResponse } from '@/lib/http/not-found-response';

const paramsSchema = z.object({ channelId: z.uuid() });

type RouteProps = { params: Promise<{ channelId: string }> };

export function statisticsDownloadRoute(format: StatisticsFormat): (request: Request, props: RouteProps) => Promise<Response> {
  return async (_request, { params }) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return notFoundResponse();
    try {
      const db = await getDb();
      const channel = await findChannel(db, { actor: await getActor(), channelId: parsed.data.channelId });
      if (!channel) return notFoundResponse();
      const generatedAt = new Date();
      const timeZone = env().TIME_ZONE;
      const statistics = await channelStatistics(db, { channel, now: generatedAt, timeZone });
      const file = exportStatistics({ channel, statistics, generatedAt, timeZone }, format);
      return new Response(file.body, {
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': contentDisposition({ contentType: file.contentType, fileName: file.fileName }),
          'X-Content-Type-Options': 'nosniff',
          // Figures of a draft initiative's channel are for staff; no shared cache may keep them.
          'Cache-Control': isPublicChannel(channel) ? 'public, max-age=300' : 'private, no-store',
        },
      });
    } catch (error) {
      logError(`grievance statistics download (${format}) failed`, error);
      return new Response(null, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
  };
}
