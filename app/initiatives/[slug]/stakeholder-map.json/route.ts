// The initiative's stakeholder map as JSON: stakeholders, relations and layout.
import { stakeholderMapDownloadRoute } from '@/lib/stakeholder-map/map-download';

export const dynamic = 'force-dynamic';

export const GET = stakeholderMapDownloadRoute('json');
