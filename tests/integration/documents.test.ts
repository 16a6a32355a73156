import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consultationDocuments, consultations, storedFiles } from '@/db/schema';
import { ANONYMOUS } from '@/lib/auth/actor';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/file-check';
import { findDownload, listConsultationDocuments } from '@/lib/documents/queries';
import { removeDocument } from '@/lib/documents/remove-document';
import { fileStorage } from '@/lib/documents/storage';
import { uploadDocument } from '@/lib/documents/upload-document';
import { createActor } from './support/actors';
import { createTestConsultation } from './support/consultations';
import { testBackends, useSuiteDatabase } from './support/databases';
import { filesOnDisk, readAll } from './support/files';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'));
/** Every byte value, so an encoding slip anywhere between upload and download shows. */
const allByteValues = Uint8Array.from({ length: 4096 }, (_, index) => index % 256);
const pdfWithBinary = new Uint8Array([...pdf, ...allByteValues]);

describe.each(testBackends)('background documents on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it('lets staff upload a document that everyone downloads byte for byte once the consultation is public', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'open', withDocument: false });
    const { id } = await uploadDocument(handle.db, {
      actor: moderator,
      consultationId: consultation.id,
      title: 'Traffic study',
      isPlan: false,
      fileName: 'C:\\fakepath\\Traffic "study".PDF',
      file: new Blob([pdfWithBinary]),
    });

    for (const actor of [moderator, ANONYMOUS, await createActor(handle.db, 'resident')]) {
      const download = await findDownload(handle.db, { actor, documentId: id, now: new Date() });
      expect(download).toMatchObject({ fileName: 'Traffic study.pdf', contentType: 'application/pdf', byteSize: pdfWithBinary.byteLength, isPublic: true });
      expect((await readAll(download!.content)).equals(Buffer.from(pdfWithBinary))).toBe(true);
    }
  });

  it('stores and returns a document of the full 20 MB', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'open', withDocument: false });
    const large = new Uint8Array(MAX_DOCUMENT_BYTES);
    for (let index = 0; index < large.byteLength; index += 4096) large[index] = index % 251;
    large.set(pdf);
    const { id } = await uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'Full plan set', isPlan: false, fileName: 'set.pdf', file: new Blob([large]) });
    const download = await findDownload(handle.db, { actor: ANONYMOUS, documentId: id, now: new Date() });
    expect(download?.byteSize).toBe(MAX_DOCUMENT_BYTES);
    expect((await readAll(download!.content)).equals(Buffer.from(large))).toBe(true);
  });

  it('lists documents oldest first, without their bytes', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const upload = (title: string, now: Date) =>
      uploadDocument(handle.db, { actor: moderator, now, consultationId: consultation.id, title, isPlan: false, fileName: 'a.pdf', file: new Blob([pdf]) });
    await upload('Second', new Date('2030-01-02T10:00:00Z'));
    await upload('First', new Date('2030-01-01T10:00:00Z'));

    const documents = await listConsultationDocuments(handle.db, { consultationId: consultation.id });
    expect(documents.map((document) => document.title)).toEqual(['First', 'Second']);
    expect(documents[0]).toEqual({
      id: expect.any(String),
      consultationId: consultation.id,
      title: 'First',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      byteSize: pdf.byteLength,
      uploadedAt: new Date('2030-01-01T10:00:00Z'),
    });
  });

  it('refuses residents, organization members and visitors', async () => {
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const attempt = { consultationId: consultation.id, title: 'Not mine to add', isPlan: false, fileName: 'a.pdf', file: new Blob([pdf]) };
    for (const role of ['resident', 'organization_member'] as const) {
      await expect(uploadDocument(handle.db, { ...attempt, actor: await createActor(handle.db, role) })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(uploadDocument(handle.db, { ...attempt, actor: ANONYMOUS })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await listConsultationDocuments(handle.db, { consultationId: consultation.id })).toEqual([]);
  });

  it('refuses what is not an accepted type and stores nothing of it', async () => {
    const admin = await createActor(handle.db, 'admin');
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const storedCount = async () => (await handle.db.select({ value: count() }).from(storedFiles))[0]?.value;
    const before = await storedCount();
    const filesBefore = await filesOnDisk();
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    await expect(
      uploadDocument(handle.db, { actor: admin, consultationId: consultation.id, title: 'Report', isPlan: false, fileName: 'report.pdf', file: new Blob([html]) }),
    ).rejects.toMatchObject({ code: 'bad_request', fieldErrors: { file: 'fileTypeNotAccepted' } });
    await expect(
      uploadDocument(handle.db, { actor: admin, consultationId: consultation.id, title: 'Report', isPlan: false, fileName: 'report.pdf', file: new Blob([new Uint8Array()]) }),
    ).rejects.toMatchObject({ code: 'bad_request', fieldErrors: { file: 'fileEmpty' } });
    expect(await listConsultationDocuments(handle.db, { consultationId: consultation.id })).toEqual([]);
    expect(await storedCount()).toBe(before);
    expect(await filesOnDisk()).toEqual(filesBefore);
  });

  it('names a consultation that does not exist', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    await expect(
      uploadDocument(handle.db, {
        actor: moderator,
        consultationId: '00000000-0000-4000-8000-000000000000',
        title: 'Lost',
        isPlan: false,
        fileName: 'a.pdf',
        file: new Blob([pdf]),
      }),
    ).rejects.toMatchObject({ code: 'bad_request', fieldErrors: { consultationId: 'consultationNotFound' } });
  });

  it('takes only an image as the plan, which then becomes the consultation plan', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const plan = { actor: moderator, consultationId: consultation.id, title: 'Site plan', isPlan: true };

    await expect(uploadDocument(handle.db, { ...plan, fileName: 'plan.png', file: new Blob([pdf]) })).rejects.toMatchObject({
      code: 'bad_request',
      fieldErrors: { isPlan: 'planMustBeImage' },
    });
    expect(await listConsultationDocuments(handle.db, { consultationId: consultation.id })).toEqual([]);

    const { id } = await uploadDocument(handle.db, { ...plan, fileName: 'plan.pdf', file: new Blob([png]) });
    const [row] = await handle.db.select({ planDocumentId: consultations.planDocumentId }).from(consultations).where(eq(consultations.id, consultation.id));
    expect(row?.planDocumentId).toBe(id);
    expect(await findDownload(handle.db, { actor: moderator, documentId: id, now: new Date() })).toMatchObject({ contentType: 'image/png', fileName: 'plan.png' });
  });

  it('keeps the plan of an open consultation, where input is already pinned to it', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'open', withDocument: false });
    await expect(
      uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'New plan', isPlan: true, fileName: 'plan.png', file: new Blob([png]) }),
    ).rejects.toMatchObject({ code: 'conflict', fieldErrors: { isPlan: 'consultationNotEditable' } });
    expect(await listConsultationDocuments(handle.db, { consultationId: consultation.id })).toEqual([]);
  });

  it('gives documents of a draft to staff only', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const resident = await createActor(handle.db, 'resident');
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const { id } = await uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'Draft report', isPlan: false, fileName: 'a.pdf', file: new Blob([pdf]) });
    const now = new Date();

    expect(await findDownload(handle.db, { actor: ANONYMOUS, documentId: id, now })).toBeNull();
    expect(await findDownload(handle.db, { actor: resident, documentId: id, now })).toBeNull();
    expect(await findDownload(handle.db, { actor: moderator, documentId: id, now })).toMatchObject({ contentType: 'application/pdf', isPublic: false });
  });

  it('answers null for documents that do not exist and ids that are not ids', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    for (const documentId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      expect(await findDownload(handle.db, { actor: moderator, documentId, now: new Date() })).toBeNull();
    }
  });

  it('removes a draft document with its bytes, and the plan with it', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const { id } = await uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'Old plan', isPlan: true, fileName: 'p.png', file: new Blob([png]) });
    const [document] = await handle.db.select({ fileId: consultationDocuments.fileId }).from(consultationDocuments).where(eq(consultationDocuments.id, id));

    await expect(removeDocument(handle.db, { actor: await createActor(handle.db, 'resident'), documentId: id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await removeDocument(handle.db, { actor: moderator, documentId: id })).toEqual({ consultationId: consultation.id });

    expect(await listConsultationDocuments(handle.db, { consultationId: consultation.id })).toEqual([]);
    expect(await fileStorage().open(document!.fileId)).toBeNull();
    expect(await handle.db.select().from(storedFiles).where(eq(storedFiles.id, document!.fileId))).toEqual([]);
    const [row] = await handle.db.select({ planDocumentId: consultations.planDocumentId }).from(consultations).where(eq(consultations.id, consultation.id));
    expect(row?.planDocumentId).toBeNull();
    await expect(removeDocument(handle.db, { actor: moderator, documentId: id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps a document on the record once the consultation has left draft', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    for (const status of ['information', 'open', 'closed'] as const) {
      const consultation = await createTestConsultation(handle.db, { status, withDocument: false });
      const { id } = await uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'Report', isPlan: false, fileName: 'a.pdf', file: new Blob([pdf]) });
      await expect(removeDocument(handle.db, { actor: moderator, documentId: id })).rejects.toMatchObject({ code: 'conflict' });
      expect(await findDownload(handle.db, { actor: ANONYMOUS, documentId: id, now: new Date() })).not.toBeNull();
    }
  });
});
