// The route handler behind both report downloads (report.csv and report.json under
// /consultations/<id>/): find the consultation as the visitor may see it, read its
// answers as the public reads them, and send the file with its type and a name to save
// it as. The files hold public data only, whoever downloads them: a member of staff
// gets the same file as anyone else, never links to draft decisions.
import { z } from 'zod';
import { getDb, type Db } from '@/db';
import { ANONYMOUS } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { findConsultation, type ConsultationView } from '@/lib/consultations/queries';
import { contentDisposition } from '@/lib/documents/file-check';
import { logError } from '@/lib/log';
import { listDecisions, loadConsultationAnswers } from './queries';
import { exportReport, type ReportFormat } from './report-export';
import { notFoundResponse } from '@/lib/http/not-found-response';

const paramsSchema = z.object({ consultationId: z.uuid() });

type RouteProps = { params: Promise<{ consultationId: string }> };

/**
 * The consultation and whether everyone may see it. Asking as an anonymous visitor
 * first answers both for public consultations without reading the session; only a
 * consultation the public may not see is looked up again as the visitor.
 */
async function findForDownload(db: Db, consultationId: string): Promise<{ consultation: ConsultationView; isPublic: boolean } | null> {
  const asPublic = await findConsultation(db, { actor: ANONYMOUS, id: consultationId });
  if (asPublic) return { consultation: asPublic, isPublic: true };
  const asVisitor = await findConsultation(db, { actor: await getActor(), id: consultationId });
  return asVisitor ? { consultation: asVisitor, isPublic: false } : null;
}

export function reportDownloadRoute(format: ReportFormat): (request: Request, props: RouteProps) => Promise<Response> {
  return async (_request, { params }) => {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return notFoundResponse();
    try {
      const db = await getDb();
      const found = await findForDownload(db, parsed.data.consultationId);
      if (!found) return notFoundResponse();
      const { consultation, isPublic } = found;
      const [answers, decisions] = await Promise.all([
        loadConsultationAnswers(db, { actor: ANONYMOUS, consultationId: consultation.id }),
        listDecisions(db, { actor: ANONYMOUS, consultationId: consultation.id }),
      ]);
      const file = exportReport(
        {
          consultation: { id: consultation.id, title: consultation.title },
          decisions: decisions.filter((decision) => decision.status === 'published'),
          inputs: answers.inputs,
          themes: answers.themes,
          generatedAt: new Date(),
        },
        format,
      );
      return new Response(file.body, {
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': contentDisposition({ contentType: file.contentType, fileName: file.fileName }),
          'X-Content-Type-Options': 'nosniff',
          // A consultation not public yet is for staff; no shared cache may keep its report.
          'Cache-Control': isPublic ? 'public, max-age=300' : 'private, no-store',
        },
      });
    } catch (error) {
      logError(`consultation report download (${format}) failed`, error);
      return new Response(null, { status: 500, headers: { 'Cache-Control': 'no-store' } });
    }
  };
}
