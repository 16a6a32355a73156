// Participa's scheduler for periodic work (retention, pruning; later the consultation
// calendar and e-mail). Chosen once for the whole platform, instead of a queue library
// such as pg-boss or graphile-worker: those connect through the `pg` driver with their own
// pools and LISTEN/NOTIFY, which the embedded database (PGlite, in a worker thread of the
// same process) does not offer, and Participa must run the same way on both.
//
// Each task has a row in scheduled_tasks. Every process ticks once a minute; a task is
// run by the process whose UPDATE moves its `next_run_at` forward while it is due, an
// atomic claim in PostgreSQL and PGlite alike, so with several processes each run
// happens once. A process that dies mid-run loses that run; the next one comes on time.
// Tests drive it with their own clock (`now`).
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { scheduledTasks } from '@/db/schema';
import { logError, logInfo } from '@/lib/log';

export interface ScheduledTask {
  /** Stable name: the row that records its runs. */
  name: string;
  /** How long after a run starts the next one is due. */
  everyMs: number;
  /** The work; what it returns (counts) is logged. */
  run(db: Db, now: Date): Promise<Record<string, number> | void>;
}

export interface TaskRun {
  name: string;
  outcome: 'succeeded' | 'failed';
  result?: Record<string, number>;
}

/** Claims a due task for this process: true when the claim is ours. */
async function claim(db: Db, task: ScheduledTask, now: Date): Promise<boolean> {
  await db.insert(scheduledTasks).values({ name: task.name, nextRunAt: now }).onConflictDoNothing();
  const claimed = await db
    .update(scheduledTasks)
    .set({ nextRunAt: new Date(now.getTime() + task.everyMs), lastStartedAt: now })
    .where(and(eq(scheduledTasks.name, task.name), lte(scheduledTasks.nextRunAt, now)))
    .returning({ name: scheduledTasks.name });
  return claimed.length === 1;
}

/** Runs every task that is due at `now` and that no other process claimed first. */
export async function runDueTasks(db: Db, tasks: readonly ScheduledTask[], now = new Date()): Promise<TaskRun[]> {
  const runs: TaskRun[] = [];
  for (const task of tasks) {
    if (!(await claim(db, task, now))) continue;
    try {
      const result = (await task.run(db, now)) ?? undefined;
      await db.update(scheduledTasks).set({ lastFinishedAt: sql`now()`, lastOutcome: 'succeeded', lastError: null }).where(eq(scheduledTasks.name, task.name));
      runs.push({ name: task.name, outcome: 'succeeded', ...(result && { result }) });
    } catch (error) {
      logError(`scheduled task ${task.name} failed`, error);
      const name = error instanceof Error ? error.name : 'Error';
      await db
        .update(scheduledTasks)
        .set({ lastFinishedAt: sql`now()`, lastOutcome: 'failed', lastError: name })
        .where(eq(scheduledTasks.name, task.name))
        .catch(() => undefined);
      runs.push({ name: task.name, outcome: 'failed' });
    }
  }
  return runs;
}

export const SCHEDULER_TICK_MS = 60_000;

/** Ticks now and every minute until stopped; one tick at a time. */
export function startScheduler(db: Db, tasks: readonly ScheduledTask[], { tickMs = SCHEDULER_TICK_MS }: { tickMs?: number } = {}): { stop(): void; tick(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= runDueTasks(db, tasks)
      .then((runs) => {
        for (const run of runs) if (run.result && Object.values(run.result).some((value) => value > 0)) logInfo(`${run.name}: ${JSON.stringify(run.result)}`);
      })
      .catch((error: unknown) => logError('scheduler tick failed', error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
