// The access key of a grievance filed online is shown exactly once: on the first display
// of the receipt page after filing. No cookie and no address ever carries it.
//
// Filing leaves the case waiting for its receipt: instead of an access key's hash, the
// case holds the hash of a one-time receipt ticket, and the receipt cookie carries that
// ticket (follow-cookie.ts). The first display of the receipt exchanges the ticket for a
// fresh access key in one conditional update — the key's hash replaces the ticket's —
// and shows that key; any later display (a reload, a second tab, a copied cookie) finds
// the ticket gone and shows the receipt without the key. The database decides, so this
// holds with several processes and across restarts, and needs no table of its own.
//
// A waiting case opens with no access key (a ticket's hash never matches one:
// codes.accessKeyMatches compares 32-byte hashes), only through the follow cookie set at
// filing or the account that filed it, until its receipt has been shown.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { grievances } from '@/db/schema';
import { hashAccessKey, newAccessKey } from './codes';

/** What the receipt cookie holds: the case, and the ticket its first display exchanges for the key. */
export interface ReceiptTicket {
  grievanceId: string;
  reference: string;
  ticket: string;
}

/** Never 64 hex digits, so it can be told from an access key's hash at a glance, and matches no key. */
const ticketHash = (ticket: string) => `receipt:${createHash('sha256').update(ticket).digest('hex')}`;

/**
 * Makes a case just filed online wait for its receipt. The access key filing generated
 * is dropped unseen (the one shown is made on the receipt's first display); a second
 * copy of the same form gets a ticket of its own that replaces the first.
 */
export async function awaitReceipt(db: Db, { grievanceId, reference }: { grievanceId: string; reference: string }): Promise<ReceiptTicket> {
  const ticket = randomBytes(32).toString('base64url');
  await db.update(grievances).set({ accessKeyHash: ticketHash(ticket) }).where(eq(grievances.id, grievanceId));
  return { grievanceId, reference, ticket };
}

/** The case's new access key on the receipt's first display; null on every later one. */
export async function claimAccessKey(db: Db, { grievanceId, ticket }: Pick<ReceiptTicket, 'grievanceId' | 'ticket'>): Promise<string | null> {
  const accessKey = newAccessKey();
  const claimed = await db
    .update(grievances)
    .set({ accessKeyHash: hashAccessKey(accessKey) })
    .where(and(eq(grievances.id, grievanceId), eq(grievances.accessKeyHash, ticketHash(ticket))))
    .returning({ id: grievances.id });
  return claimed.length === 1 ? accessKey : null;
}
