// Shared documents in PostgreSQL or PGlite, through drizzle.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { collabEdits, collabSnapshots, collabUpdates } from '@/db/schema';
import { summarizeEdits } from '@/lib/collab/history';
import { loadStoredParts } from '@/lib/collab/stored-document';
import { mergeStoredState, type CollabStore, type StoredUpdate } from './store';

/** Statements writing updates that may be in flight at once, across all documents. */
const MAX_APPEND_STATEMENTS_IN_FLIGHT = 2;

interface QueuedAppend {
  document: string;
  updates: readonly StoredUpdate[];
  at: Date;
  resolve(): void;
  reject(error: unknown): void;
}

export function createDatabaseStore(db: Db): CollabStore {
  // Appends of every document queue here and go out together: one statement, one
  // commit (one WAL flush) for whatever arrived while the previous ones were running.
  // On a busy server this is far fewer commits than one per document per batch.
  let queue: QueuedAppend[] = [];
  let statementsInFlight = 0;

  const writeQueued = async (appends: QueuedAppend[]) => {
    const rows = appends.flatMap(({ document, updates, at }) => {
      // Raw parameters skip drizzle's column mapping: bytes as a Buffer, time as ISO text.
      const time = at.toISOString();
      return updates.map(
        ({ update, userId }) =>
          sql`(${document}, ${Buffer.from(update.buffer, update.byteOffset, update.byteLength)}::bytea, ${userId}::uuid, ${time}::timestamptz)`,
      );
    });
    try {
      await db.execute(sql`insert into ${collabUpdates} (document, update, user_id, created_at) values ${sql.join(rows, sql`, `)}`);
      appends.forEach((append) => append.resolve());
    } catch (error) {
      appends.forEach((append) => append.reject(error));
    }
  };

  const flush = () => {
    while (queue.length > 0 && statementsInFlight < MAX_APPEND_STATEMENTS_IN_FLIGHT) {
      const appends = queue;
      queue = [];
      statementsInFlight += 1;
      void writeQueued(appends).finally(() => {
        statementsInFlight -= 1;
        flush();
      });
    }
  };

  return {
    loadDocument(document) {
      return loadStoredParts(db, document);
    },

    appendUpdates(document, updates, at = new Date()) {
      if (updates.length === 0) return Promise.resolve();
      // The rows carry user and time; compaction turns them into history.
      return new Promise<void>((resolve, reject) => {
        queue.push({ document, updates, at, resolve, reject });
        flush();
      });
    },

    async compactDocument(document) {
      return db.transaction(async (tx) => {
        const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`collab:${document}`})) as locked`);
        const lockRows = (Array.isArray(locked) ? locked : (locked as { rows: unknown[] }).rows) as Array<{ locked: boolean }>;
        if (!lockRows[0]?.locked) return false;

        const [snapshot] = await tx.select().from(collabSnapshots).where(eq(collabSnapshots.document, document));
        const rows = await tx
          .select({ id: collabUpdates.id, update: collabUpdates.update, userId: collabUpdates.userId, createdAt: collabUpdates.createdAt })
          .from(collabUpdates)
          .where(eq(collabUpdates.document, document))
          .orderBy(asc(collabUpdates.id));
        if (rows.length === 0) return true;

        const state = mergeStoredState([...(snapshot ? [snapshot.state] : []), ...rows.map((row) => row.update)]);
        const mergedUpdates = (snapshot?.mergedUpdates ?? 0) + rows.length;
        await tx
          .insert(collabSnapshots)
          .values({ document, state, mergedUpdates, compactedAt: new Date() })
          .onConflictDoUpdate({ target: collabSnapshots.document, set: { state, mergedUpdates, compactedAt: new Date() } });
        // The bytes are merged away; who changed what when is kept as history.
        await tx.insert(collabEdits).values(summarizeEdits(document, rows));
        // Exactly the rows merged above; rows committed since then stay for the next round.
        const ids = rows.map((row) => row.id);
        for (let start = 0; start < ids.length; start += 5000) {
          await tx.delete(collabUpdates).where(and(eq(collabUpdates.document, document), inArray(collabUpdates.id, ids.slice(start, start + 5000))));
        }
        return true;
      });
    },

    async countUnmergedUpdates(document) {
      const [row] = await db.select({ pending: count() }).from(collabUpdates).where(eq(collabUpdates.document, document));
      return row?.pending ?? 0;
    },
  };
}
