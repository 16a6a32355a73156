// Shared documents in PostgreSQL or PGlite, through drizzle.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { collabEdits, collabSnapshots, collabUpdates } from '@/db/schema';
import { mergeStoredState, type CollabStore } from './store';

export function createDatabaseStore(db: Db): CollabStore {
  return {
    async loadDocument(document) {
      // Updates first, then the snapshot: if another process compacts in between, the
      // snapshot already holds what it moved out of the log, and the overlap is
      // harmless because applying a Yjs update twice changes nothing.
      const rows = await db
        .select({ update: collabUpdates.update })
        .from(collabUpdates)
        .where(eq(collabUpdates.document, document))
        .orderBy(asc(collabUpdates.id));
      const [snapshot] = await db.select({ state: collabSnapshots.state }).from(collabSnapshots).where(eq(collabSnapshots.document, document));
      return [...(snapshot ? [snapshot.state] : []), ...rows.map((row) => row.update)];
    },

    async appendUpdates(document, updates, at = new Date()) {
      if (updates.length === 0) return;
      // History: one row per user per batch, which is what a person reading it needs.
      const byUser = new Map<string | null, { updateCount: number; byteSize: number }>();
      for (const { update, userId } of updates) {
        const entry = byUser.get(userId) ?? { updateCount: 0, byteSize: 0 };
        entry.updateCount += 1;
        entry.byteSize += update.byteLength;
        byUser.set(userId, entry);
      }
      // One statement, so one round trip and one commit: this write sits between a
      // keystroke and everyone else seeing it. A data-modifying WITH runs exactly once
      // and the whole statement is atomic.
      // Raw parameters skip drizzle's column mapping: bytes as a Buffer, time as ISO text.
      const time = at.toISOString();
      const updateRows = updates.map(
        ({ update, userId }) =>
          sql`(${document}, ${Buffer.from(update.buffer, update.byteOffset, update.byteLength)}::bytea, ${userId}::uuid, ${time}::timestamptz)`,
      );
      const editRows = [...byUser].map(
        ([userId, totals]) => sql`(${document}, ${userId}::uuid, ${totals.updateCount}::int, ${totals.byteSize}::int, ${time}::timestamptz)`,
      );
      await db.execute(sql`
        with stored as (
          insert into ${collabUpdates} (document, update, user_id, created_at) values ${sql.join(updateRows, sql`, `)}
        )
        insert into ${collabEdits} (document, user_id, update_count, byte_size, edited_at) values ${sql.join(editRows, sql`, `)}
      `);
    },

    async compactDocument(document) {
      return db.transaction(async (tx) => {
        const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${`collab:${document}`})) as locked`);
        const lockRows = (Array.isArray(locked) ? locked : (locked as { rows: unknown[] }).rows) as Array<{ locked: boolean }>;
        if (!lockRows[0]?.locked) return false;

        const [snapshot] = await tx.select().from(collabSnapshots).where(eq(collabSnapshots.document, document));
        const rows = await tx
          .select({ id: collabUpdates.id, update: collabUpdates.update })
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
