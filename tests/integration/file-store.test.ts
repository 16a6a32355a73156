// Uploaded files live in the file store, not in the database (issue 13, finding 1): a
// filed grievance's attachments, background documents and decision documents are
// streamed to files, downloaded intact, and removed with their rows; a failed write
// leaves no file; files stored in rows before the change are still served and moved
// out once; files no row names are swept after an hour.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { consultationDocuments, decisionDocuments, grievanceAttachments, grievanceChannels, storedFiles } from '@/db/schema';
import { ANONYMOUS } from '@/lib/auth/actor';
import { deleteDraftDecision, removeDecisionDocument, uploadDecisionDocument } from '@/lib/decisions/manage-decisions';
import { moveFilesOutOfDatabase, sweepStrayFiles } from '@/lib/documents/file-maintenance';
import { folderFileStorage } from '@/lib/documents/file-stores/folder';
import { findDownload } from '@/lib/documents/queries';
import { removeDocument } from '@/lib/documents/remove-document';
import { fileStorage, openStoredFile } from '@/lib/documents/storage';
import { uploadDocument } from '@/lib/documents/upload-document';
import { findGrievanceAttachment } from '@/lib/grievances/attachment-download';
import { fileGrievance, type GrievanceFiling } from '@/lib/grievances/file-grievance';
import { createActor } from './support/actors';
import { createTestConsultation, createTestInitiative } from './support/consultations';
import { createTestDecision } from './support/decisions';
import { testBackends, useSuiteDatabase } from './support/databases';
import { filesOnDisk, readAll } from './support/files';
import type { Db } from '@/db';

const pdfHeader = new TextEncoder().encode('%PDF-1.4\n');
/** Random bytes after a PDF header, as in the filings: accepted, and any slip in the bytes shows. */
const pdfLike = (byteCount: number) => Buffer.concat([pdfHeader, randomBytes(byteCount - pdfHeader.byteLength)]);
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64');

async function newChannel(db: Db): Promise<string> {
  const initiative = await createTestInitiative(db);
  const [channel] = await db.select({ id: grievanceChannels.id }).from(grievanceChannels).where(eq(grievanceChannels.initiativeId, initiative.id));
  return channel!.id;
}

function filing(channelId: string, attachments: GrievanceFiling['attachments']): GrievanceFiling {
  return {
    channelId,
    category: 'nuisance_environment',
    description: 'Trucks idle outside the school every morning from 7 to 9.',
    place: null,
    eventDate: null,
    outcomeSought: null,
    isConfidential: false,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    submissionKey: randomUUID(),
    attachments,
  };
}

async function bytesInRows(db: Db, fileIds: string[]) {
  return db.select({ id: storedFiles.id }).from(storedFiles).where(inArray(storedFiles.id, fileIds)).then(async (rows) => ({
    rows: rows.length,
    withBytes: (await db.select({ id: storedFiles.id }).from(storedFiles).where(isNotNull(storedFiles.bytes))).filter((row) => fileIds.includes(row.id)).length,
  }));
}

const onDisk = (fileId: string) => path.join(fileId.slice(0, 2), fileId);

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe.each(testBackends)('uploaded files on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it("stores a filed grievance's attachments as files, no bytes in the database, and serves them intact", async () => {
    const channelId = await newChannel(handle.db);
    const files = [pdfLike(3 * 1024 * 1024), pdfLike(100_000)];
    const filed = await fileGrievance(handle.db, {
      actor: ANONYMOUS,
      ...filing(
        channelId,
        files.map((bytes, index) => ({ fileName: `evidence ${index}.pdf`, file: new Blob([bytes]) })),
      ),
    });
    const attachments = await handle.db
      .select({ id: grievanceAttachments.id, fileId: grievanceAttachments.fileId, byteSize: grievanceAttachments.byteSize })
      .from(grievanceAttachments)
      .where(eq(grievanceAttachments.grievanceId, filed.grievanceId))
      .orderBy(grievanceAttachments.byteSize);
    expect(attachments.map((attachment) => attachment.byteSize)).toEqual([100_000, 3 * 1024 * 1024]);
    const fileIds = attachments.map((attachment) => attachment.fileId);
    expect(await bytesInRows(handle.db, fileIds)).toEqual({ rows: 2, withBytes: 0 });
    expect(await filesOnDisk()).toEqual(expect.arrayContaining(fileIds.map(onDisk)));

    const officer = await createActor(handle.db, 'grievance_officer');
    const download = await findGrievanceAttachment(handle.db, { attachmentId: attachments[1]!.id, actor: officer, pass: null });
    expect(download?.content.byteSize).toBe(3 * 1024 * 1024);
    expect((await readAll(download!.content)).equals(files[0]!)).toBe(true);
  });

  it('stores a background document as a file, serves it intact, and removes the file with its row', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'draft', withDocument: false });
    const bytes = pdfLike(1024 * 1024);
    const { id } = await uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'Study', isPlan: false, fileName: 'study.pdf', file: new Blob([bytes]) });
    const [document] = await handle.db.select({ fileId: consultationDocuments.fileId }).from(consultationDocuments).where(eq(consultationDocuments.id, id));
    const fileId = document!.fileId;
    expect(await bytesInRows(handle.db, [fileId])).toEqual({ rows: 1, withBytes: 0 });
    expect(await filesOnDisk()).toContain(onDisk(fileId));

    const download = await findDownload(handle.db, { actor: moderator, documentId: id, now: new Date() });
    expect(download?.content.byteSize).toBe(bytes.byteLength);
    expect((await readAll(download!.content)).equals(bytes)).toBe(true);

    await removeDocument(handle.db, { actor: moderator, documentId: id });
    expect(await bytesInRows(handle.db, [fileId])).toEqual({ rows: 0, withBytes: 0 });
    expect(await filesOnDisk()).not.toContain(onDisk(fileId));
  });

  it("stores a decision's documents as files and removes them with the document or the draft", async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'closed', withDocument: false });
    const decisionId = await createTestDecision(handle.db, moderator, consultation.id);
    const upload = (title: string) => uploadDecisionDocument(handle.db, { actor: moderator, decisionId, title, fileName: `${title}.pdf`, file: new Blob([pdfLike(50_000)]) });
    const first = await upload('minutes');
    await upload('annex');
    const fileIdsOf = async () =>
      (await handle.db.select({ fileId: decisionDocuments.fileId }).from(decisionDocuments).where(eq(decisionDocuments.decisionId, decisionId))).map((row) => row.fileId);
    const fileIds = await fileIdsOf();
    expect(await bytesInRows(handle.db, fileIds)).toEqual({ rows: 2, withBytes: 0 });
    expect(await filesOnDisk()).toEqual(expect.arrayContaining(fileIds.map(onDisk)));

    await removeDecisionDocument(handle.db, { actor: moderator, documentId: first.documentId });
    const [remaining] = await fileIdsOf();
    const removed = fileIds.find((fileId) => fileId !== remaining)!;
    expect(await filesOnDisk()).not.toContain(onDisk(removed));

    await deleteDraftDecision(handle.db, { actor: moderator, decisionId });
    expect(await bytesInRows(handle.db, fileIds)).toEqual({ rows: 0, withBytes: 0 });
    expect(await filesOnDisk()).not.toContain(onDisk(remaining!));
  });

  it('removes the file when the rows naming it cannot be written', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'open', withDocument: false });
    const before = await filesOnDisk();
    // An open consultation keeps its plan: refused after the file was stored.
    await expect(
      uploadDocument(handle.db, { actor: moderator, consultationId: consultation.id, title: 'Plan', isPlan: true, fileName: 'plan.png', file: new Blob([png]) }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Refused by type while streaming, after a first attachment was stored.
    await expect(
      fileGrievance(handle.db, {
        actor: ANONYMOUS,
        ...filing(await newChannel(handle.db), [
          { fileName: 'fine.pdf', file: new Blob([pdfLike(10_000)]) },
          { fileName: 'noise.pdf', file: new Blob([randomBytes(10_000)]) },
        ]),
      }),
    ).rejects.toMatchObject({ fieldErrors: { attachments: 'fileTypeNotAccepted' } });
    expect(await filesOnDisk()).toEqual(before);
  });

  it('serves a file stored in its row before the file store, and moves it out once', async () => {
    const moderator = await createActor(handle.db, 'moderator');
    const consultation = await createTestConsultation(handle.db, { status: 'open', withDocument: false });
    const bytes = pdfLike(200_000);
    const [legacy] = await handle.db.insert(storedFiles).values({ bytes }).returning({ id: storedFiles.id });
    const [document] = await handle.db
      .insert(consultationDocuments)
      .values({ consultationId: consultation.id, title: 'Old report', fileName: 'old.pdf', contentType: 'application/pdf', byteSize: bytes.byteLength, fileId: legacy!.id })
      .returning({ id: consultationDocuments.id });
    const download = async () => readAll((await findDownload(handle.db, { actor: moderator, documentId: document!.id, now: new Date() }))!.content);
    expect((await download()).equals(bytes)).toBe(true);

    expect(await moveFilesOutOfDatabase(handle.db)).toBeGreaterThanOrEqual(1);
    expect(await bytesInRows(handle.db, [legacy!.id])).toEqual({ rows: 1, withBytes: 0 });
    expect(await filesOnDisk()).toContain(onDisk(legacy!.id));
    expect((await download()).equals(bytes)).toBe(true);
    expect(await moveFilesOutOfDatabase(handle.db)).toBe(0);
  });

  it('sweeps files no row names once they are an hour old, and nothing else', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'participa-sweep-'));
    folders.push(folder);
    const storage = folderFileStorage(folder);
    const named = await storage.put(new Blob(['named']));
    await handle.db.insert(storedFiles).values({ id: named.id });
    const stray = await storage.put(new Blob(['stray']));
    const young = await storage.put(new Blob(['young']));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const { id } of [named, stray]) await utimes(storage.pathOf(id), twoHoursAgo, twoHoursAgo);

    expect(await sweepStrayFiles(handle.db, { storage })).toBe(1);
    expect(await storage.open(stray.id)).toBeNull();
    expect(await openStoredFile(handle.db, named.id, storage)).not.toBeNull();
    expect(await storage.open(young.id)).not.toBeNull();
  });

  it('puts files in the folder under DATA_DIR or FILES_DIR', () => {
    expect((fileStorage() as ReturnType<typeof folderFileStorage>).root).toBe(process.env.FILES_DIR);
  });
});
