// The consultation's "you said, we did" report as CSV: one row per published input.
import { reportDownloadRoute } from '@/lib/decisions/report-download';

export const dynamic = 'force-dynamic';

export const GET = reportDownloadRoute('csv');
