// The initiative's stakeholder map as GraphML: the same graph for network tools (Gephi, yEd, NetworkX).
import { stakeholderMapDownloadRoute } from '@/lib/stakeholder-map/map-download';

export const dynamic = 'force-dynamic';

export const GET = stakeholderMapDownloadRoute('graphml');
