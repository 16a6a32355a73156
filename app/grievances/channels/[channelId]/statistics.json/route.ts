// The channel's public statistics as JSON, with the published deadlines they are measured against.
import { statisticsDownloadRoute } from '@/lib/grievances/statistics-download';

export const dynamic = 'force-dynamic';

export const GET = statisticsDownloadRoute('json');
