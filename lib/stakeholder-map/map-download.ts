// The stakeholder map of an initiative as a file (stakeholder-map.csv, .json and
// .graphml under /initiatives/<slug>/): find the initiative as the visitor may see it,
// read the map as the collaboration server last stored it, and send it with its type
// and a name to save it as. Contact details are personal data: they are read, and the
// file carries them, only for those the policy lets see them (staff).
import { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { stakeholderContactsDocumentName, stakeholderMapDocumentName } from '@/lib/collab/document-name';
import { loadStoredDocument } from '@/lib/collab/stored-document';
import { contentDisposition } from '@/lib/documents/file-check';
import { notFoundResponse } from '@/lib/http/not-found-response';
import { findInitiativeBySlug } from '@/lib/initiatives/queries';
import { logError } from '@/lib/log';
import { readContacts } from './contacts';
import { readStakeholderMap } from './document';
import {
  STAKEHOLDER_MAP_CONTENT_TYPES,
  stakeholderMapCsv,
  stakeholderMapFileName,
  stakeholderMapGraphml,
  stakeholderMapJson,
  type StakeholderMapExportInput,
  type StakeholderMapFormat,
} from './export';

export interface StakeholderMapExport {
  body: string;
  contentType: string;
  fileName: string;
  /** The file carries contact details (personal data): no cache may keep it. */
  includesContacts: boolean;
}

/**
 * The map file as `actor` may have it, or null when the initiative does not exist or
 * the actor may not see its map (a draft, for anyone but staff).
 */
export async function buildStakeholderMapExport(
  db: Db,
  { actor, slug, format, now = new Date() }: { actor: Actor; slug: string; format: StakeholderMapFormat; now?: Date },
): Promise<StakeholderMapExport | null> {
  const initiative = await findInitiativeBySlug(db, { actor, slug });
  if (!initiative || !can(actor, 'stakeholderMap.view', { status: initiative.status })) return null;
  const includesContacts = can(actor, 'stakeholderMap.viewContacts');
  const [mapDocument, contactsDocument] = await Promise.all([
    loadStoredDocument(db, stakeholderMapDocumentName(initiative.id)),
    // Not even loaded for anyone else, so no later change here can leak it.
    includesContacts ? loadStoredDocument(db, stakeholderContactsDocumentName(initiative.id)) : null,
  ]);
  const { stakeholders, relations } = readStakeholderMap(mapDocument);
  const input: StakeholderMapExportInput = {
    state: { stakeholders, relations },
    ...(contactsDocument ? { contacts: readContacts(contactsDocument) } : {}),
    initiative: { title: initiative.title, slug: initiative.slug },
  };
  const body =
    format === 'csv'
      ? stakeholderMapCsv(input)
      : format === 'json'
        ? `${JSON.stringify(stakeholderMapJson({ ...input, exportedAt: now.toISOString() }), null, 2)}\n`
        : stakeholderMapGraphml(input);
  return { body, contentType: STAKEHOLDER_MAP_CONTENT_TYPES[format], fileName: stakeholderMapFileName(initiative.slug, format), includesContacts };
}

const paramsSchema = z.object({ slug: z.string().max(200) });

type RouteProps = { params: Promise<{ slug: string }> };

export function stakeholderMapDownloadRoute(format: StakeholderMapFormat): (request: Request, props: RouteProps) => Promise<Response> {
  return async (_request, { params }) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return notFoundResponse();
    try {
      const db = await getDb();
      const file = await buildStakeholderMapExport(db, { actor: await getActor(), slug: parsed.data.slug, format });
      if (!file) return notFoundResponse();
      return new Response(file.body, {
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': contentDisposition({ contentType: file.contentType, fileName: file.fileName }),
          'X-Content-Type-Options': 'nosniff',
          // The same address gives staff a file with contact details and everyone else one
          // without, and the map changes while people edit it: a shared cache could hand
          // out personal data or a stale map, so none may keep either file.
          'Cache-Control': file.includesContacts ? 'private, no-store' : 'no-store',
        },
      });
    } catch (error) {
      logError(`stakeholder map download (${format}) failed`, error);
      return new Response(null, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
  };
}
