// Who changed a shared document, and when: read from the edit history the
// collaboration server writes alongside every stored batch of updates.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { collabEdits, users } from '@/db/schema';

export interface DocumentEdit {
  userId: string | null;
  /** null when the account no longer exists. */
  userName: string | null;
  updateCount: number;
  editedAt: Date;
}

/** The latest edits first. Callers check that the actor may see the document. */
export async function listDocumentHistory(db: Db, { document, limit = 100 }: { document: string; limit?: number }): Promise<DocumentEdit[]> {
  return db
    .select({ userId: collabEdits.userId, userName: users.name, updateCount: collabEdits.updateCount, editedAt: collabEdits.editedAt })
    .from(collabEdits)
    .leftJoin(users, eq(users.id, collabEdits.userId))
    .where(eq(collabEdits.document, document))
    .orderBy(desc(collabEdits.editedAt), desc(collabEdits.id))
    .limit(limit);
}
