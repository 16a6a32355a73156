// Who changed a shared document, and when. Updates not yet compacted carry their user
// and time; compaction summarizes them into the edit history before deleting their
// bytes. Both are summarized the same way: one entry per user per minute.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { collabEdits, collabUpdates, users } from '@/db/schema';
import { publicName } from '@/lib/accounts/public-name';

export interface DocumentEdit {
  userId: string | null;
  /** null when the account no longer exists (or the server made the change). */
  userName: string | null;
  updateCount: number;
  byteSize: number;
  /** The latest change within the minute. */
  editedAt: Date;
}

export interface EditRecord {
  userId: string | null;
  update: Uint8Array;
  createdAt: Date;
}

const MINUTE_MS = 60_000;

/** One history row per user per minute, for the given document. */
export function summarizeEdits(document: string, records: readonly EditRecord[]) {
  const groups = new Map<string, { document: string; userId: string | null; updateCount: number; byteSize: number; editedAt: Date }>();
  for (const { userId, update, createdAt } of records) {
    const key = `${userId ?? ''}:${Math.floor(createdAt.getTime() / MINUTE_MS)}`;
    const group = groups.get(key) ?? { document, userId, updateCount: 0, byteSize: 0, editedAt: createdAt };
    group.updateCount += 1;
    group.byteSize += update.byteLength;
    if (createdAt > group.editedAt) group.editedAt = createdAt;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The latest edits first. Callers check that the actor may see the document. */
export async function listDocumentHistory(db: Db, { document, limit = 100 }: { document: string; limit?: number }): Promise<DocumentEdit[]> {
  const compacted = await db
    .select({ userId: collabEdits.userId, updateCount: collabEdits.updateCount, byteSize: collabEdits.byteSize, editedAt: collabEdits.editedAt })
    .from(collabEdits)
    .where(eq(collabEdits.document, document))
    .orderBy(desc(collabEdits.editedAt), desc(collabEdits.id))
    .limit(limit);
  const recent = await db
    .select({ userId: collabUpdates.userId, update: collabUpdates.update, createdAt: collabUpdates.createdAt })
    .from(collabUpdates)
    .where(eq(collabUpdates.document, document));
  const entries = [...summarizeEdits(document, recent), ...compacted]
    .sort((a, b) => b.editedAt.getTime() - a.editedAt.getTime())
    .slice(0, limit);

  const userIds = [...new Set(entries.map((entry) => entry.userId).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  for (const id of userIds) {
    // A deleted account's edits stay, without a name (the panel says "Former participant").
    const [user] = await db.select({ name: publicName }).from(users).where(eq(users.id, id));
    if (user?.name) names.set(id, user.name);
  }
  return entries.map(({ userId, updateCount, byteSize, editedAt }) => ({
    userId,
    userName: userId ? (names.get(userId) ?? null) : null,
    updateCount,
    byteSize,
    editedAt,
  }));
}
