// The scheduler with a controllable clock, and the daily retention task it runs. On
// PGlite and PostgreSQL; on PostgreSQL the "processes" race on separate connections.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountTokens, auditEntries, grievanceChannels, grievances, initiatives, scheduledTasks } from '@/db/schema';
import { issueAccountToken } from '@/lib/accounts/account-tokens';
import { recordAudit } from '@/lib/audit/record';
import { fileGrievance } from '@/lib/grievances/file-grievance';
import { runDueTasks, type ScheduledTask } from '@/lib/jobs/scheduler';
import { scheduledTasksFor } from '@/lib/jobs/tasks';
import { applyRetention } from '@/lib/retention/apply-retention';
import { createActor } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe.each(testBackends)('scheduled work on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  function countingTask(everyMs: number): ScheduledTask & { runs: Date[] } {
    const runs: Date[] = [];
    return { name: `task-${randomUUID()}`, everyMs, runs, run: async (_db, now) => void runs.push(now) };
  }

  it('runs a task when it is due and not again until its interval has passed', async () => {
    const task = countingTask(DAY);
    const start = new Date('2026-06-01T03:00:00Z');
    expect(await runDueTasks(handle.db, [task], start)).toEqual([{ name: task.name, outcome: 'succeeded' }]);
    expect(await runDueTasks(handle.db, [task], new Date(start.getTime() + 23 * HOUR))).toEqual([]);
    expect(await runDueTasks(handle.db, [task], new Date(start.getTime() + DAY))).toHaveLength(1);
    expect(task.runs).toEqual([start, new Date(start.getTime() + DAY)]);
  });

  it('never runs one due task twice when several processes tick at once', async () => {
    const task = countingTask(DAY);
    const now = new Date('2026-06-02T03:00:00Z');
    const ticks = await Promise.all(Array.from({ length: 6 }, () => runDueTasks(handle.db, [task], now)));
    expect(ticks.flat()).toHaveLength(1);
    expect(task.runs).toHaveLength(1);
  });

  it('records a failure by its name and runs again at the next interval', async () => {
    let attempts = 0;
    const task: ScheduledTask = {
      name: `failing-${randomUUID()}`,
      everyMs: HOUR,
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('the mail server said something personal');
      },
    };
    const now = new Date('2026-06-03T03:00:00Z');
    expect(await runDueTasks(handle.db, [task], now)).toEqual([{ name: task.name, outcome: 'failed' }]);
    const [row] = await handle.db.select().from(scheduledTasks).where(eq(scheduledTasks.name, task.name));
    expect(row).toMatchObject({ lastOutcome: 'failed', lastError: 'TypeError' });
    expect(await runDueTasks(handle.db, [task], new Date(now.getTime() + HOUR))).toEqual([{ name: task.name, outcome: 'succeeded' }]);
  });

  it('erases contact details of grievances closed longer than the period, old audit entries and spent links, and records the run', async () => {
    const person = await createActor(handle.db, 'resident');
    const [initiative] = await handle.db.insert(initiatives).values({ slug: `ret-${randomUUID().slice(0, 8)}`, title: 'Retention', summary: 'For a test.', status: 'active', responsibleUnit: 'Unit' }).returning({ id: initiatives.id });
    const [channel] = await handle.db.insert(grievanceChannels).values({ initiativeId: initiative!.id, name: `Retention ${randomUUID().slice(0, 8)}`, offlineInstructions: 'Desk.' }).returning({ id: grievanceChannels.id });
    const file = () =>
      fileGrievance(handle.db, {
        actor: person,
        channelId: channel!.id,
        category: 'nuisance_environment',
        description: 'Dust from the works.',
        place: null,
        eventDate: null,
        outcomeSought: null,
        isConfidential: false,
        contactName: 'Marta',
        contactEmail: 'marta@example.org',
        contactPhone: '600 000 000',
        submissionKey: randomUUID(),
        attachments: [],
      });
    const now = new Date('2027-06-01T03:00:00Z');
    const longClosed = await file();
    const recentlyClosed = await file();
    const stillOpen = await file();
    const closeAt = (reference: string, closedAt: Date) =>
      handle.db.update(grievances).set({ status: 'closed', closedAt }).where(eq(grievances.reference, reference));
    await closeAt(longClosed.reference, new Date(now.getTime() - 400 * DAY));
    await closeAt(recentlyClosed.reference, new Date(now.getTime() - 10 * DAY));
    await recordAudit(handle.db, { actor: person, action: 'personal_data_exported', subjectType: 'account', subjectId: person.id, now: new Date(now.getTime() - 800 * DAY) });
    await issueAccountToken(handle.db, { userId: person.id, purpose: 'password_reset', email: person.email, now: new Date(now.getTime() - 2 * DAY) });

    const result = await applyRetention(handle.db, { RETENTION_GRIEVANCE_CONTACT_DAYS: 365, RETENTION_AUDIT_DAYS: 730 }, now);
    expect(result.grievancesAnonymized).toBeGreaterThanOrEqual(1);
    const byReference = async (reference: string) => (await handle.db.select().from(grievances).where(eq(grievances.reference, reference)))[0];
    expect(await byReference(longClosed.reference)).toMatchObject({ filerId: null, contactName: null, contactEmail: null, contactPhone: null, description: 'Dust from the works.' });
    expect(await byReference(recentlyClosed.reference)).toMatchObject({ filerId: person.id, contactEmail: 'marta@example.org' });
    expect(await byReference(stillOpen.reference)).toMatchObject({ filerId: person.id, contactEmail: 'marta@example.org' });
    expect(await handle.db.select().from(accountTokens).where(eq(accountTokens.userId, person.id))).toEqual([]);
    const entries = await handle.db.select().from(auditEntries).where(eq(auditEntries.subjectId, person.id));
    expect(entries.filter((entry) => entry.action === 'personal_data_exported')).toEqual([]);
    const [run] = await handle.db.select().from(auditEntries).where(eq(auditEntries.action, 'retention_applied')).orderBy(auditEntries.createdAt);
    expect(run).toMatchObject({ actorId: null, subjectType: 'retention' });
  });

  it('schedules retention daily among the platform’s tasks', () => {
    const tasks = scheduledTasksFor({ RETENTION_GRIEVANCE_CONTACT_DAYS: 365, RETENTION_AUDIT_DAYS: 730 });
    expect(tasks.find((task) => task.name === 'retention')?.everyMs).toBe(DAY);
  });
});
