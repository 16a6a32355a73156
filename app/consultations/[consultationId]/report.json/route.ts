// The consultation's "you said, we did" report as JSON: figures, decisions, themes and inputs.
import { reportDownloadRoute } from '@/lib/decisions/report-download';

export const dynamic = 'force-dynamic';

export const GET = reportDownloadRoute('json');
