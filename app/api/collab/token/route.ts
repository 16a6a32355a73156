// GET /api/collab/token?doc=<document name> → { token, url, access } for the signed-in user.
import { z } from 'zod';
import { issueCollabToken } from '@/lib/collab/issue-token';
import { collabKeyFromEnvironment, collabPublicUrl } from '@/lib/collab/endpoint';
import { documentNameSchema } from '@/lib/collab/document-name';
import { env } from '@/lib/env';
import { jsonQueryRoute } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

export const GET = jsonQueryRoute(
  z.object({ doc: documentNameSchema }),
  async ({ doc }, { actor, db }) => issueCollabToken(db, { actor, documentName: doc, key: collabKeyFromEnvironment(), collabUrl: collabPublicUrl(env()) }),
  { limit: 'collabToken' },
);
