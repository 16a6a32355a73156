// The initiative's stakeholder map as CSV: one row per stakeholder, as in the summary table of ITU-T Y.Suppl.34 Appendix I.
import { stakeholderMapDownloadRoute } from '@/lib/stakeholder-map/map-download';

export const dynamic = 'force-dynamic';

export const GET = stakeholderMapDownloadRoute('csv');
