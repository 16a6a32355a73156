// The background documents of a consultation, as the public reads them: what each is,
// how large, and since when it has been public, the dates that prior information
// is judged by. Staff see a remove button while the consultation is a draft.
import { formatFileSize } from '@/lib/documents/file-size';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { documentPublicSince, isPublic } from '@/lib/consultations/lifecycle';
import { acceptedType } from '@/lib/documents/file-check';
import { documentDownloadPath, listConsultationDocuments } from '@/lib/documents/queries';
import { RemoveDocumentForm } from './document-upload-form';
import { loadConsultation } from '@/lib/consultations/queries';

export interface DocumentListProps {
  consultationId: string;
  /** Show management controls (staff only; the actions check again). */
  canManage: boolean;
}

export async function DocumentList({ consultationId, canManage }: DocumentListProps) {
  const actor = await getActor();
  const db = await getDb();
  const now = new Date();
  const consultation = await loadConsultation(db, consultationId);
  // The page decides visibility too; this keeps a misplaced list from leaking titles.
  if (!consultation || !can(actor, 'consultation.view', { isPublic: isPublic(consultation, now) })) return null;
  const documents = await listConsultationDocuments(db, { consultationId });
  const t = await getTranslations('documents');
  const format = await getFormatter();
  const isRemovable = canManage && can(actor, 'consultation.manage') && consultation.status === 'draft';

  if (documents.length === 0) return <p>{t('none')}</p>;

  const size = (bytes: number) => formatFileSize(format, bytes);
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <ul className="space-y-3">
      {documents.map((document) => {
        const type = acceptedType(document.contentType);
        const publicSince = documentPublicSince(consultation, document);
        return (
          <li key={document.id} className="card space-y-1">
            <h3 className="text-lg font-semibold">
              <a href={documentDownloadPath(document)}>{document.title}</a>
              {document.id === consultation.planDocumentId && <span className="ml-2 text-sm font-normal text-stone-700">({t('plan')})</span>}
            </h3>
            <p className="text-sm text-stone-700">
              {t('details', { type: type ? t(`types.${type.extension}`) : t('types.other'), size: size(document.byteSize), fileName: document.fileName })}
            </p>
            <p className="text-sm text-stone-700">
              {t('uploadedAt', { date: date(document.uploadedAt) })} ·{' '}
              {publicSince === null
                ? t('notPublicYet')
                : publicSince <= now
                  ? t('publicSince', { date: date(publicSince) })
                  : t('publicFrom', { date: date(publicSince) })}
            </p>
            {isRemovable && <RemoveDocumentForm document={document} />}
          </li>
        );
      })}
    </ul>
  );
}
