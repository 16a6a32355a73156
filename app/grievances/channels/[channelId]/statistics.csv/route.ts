// The channel's public statistics as CSV: one row for the channel, then per category and per month.
import { statisticsDownloadRoute } from '@/lib/grievances/statistics-download';

export const dynamic = 'force-dynamic';

export const GET = statisticsDownloadRoute('csv');
