import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { consultations, initiatives, memberships, users } from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '@/db/seed';
import { authenticate } from '@/lib/accounts/authenticate';
import { ANONYMOUS } from '@/lib/auth/actor';
import { accountabilityCoverage } from '@/lib/decisions/figures';
import { listDecisions, loadConsultationAnswers } from '@/lib/decisions/queries';
import { testBackends, useSuiteDatabase } from './support/databases';

describe.each(testBackends)('database on $name', (backend) => {
  const handle = useSuiteDatabase(backend);

  it('is migrated to the committed schema', async () => {
    const result = await handle.db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ applied: number }>;
    expect(rows[0]?.applied).toBeGreaterThan(0);
  });

  it('seeds the demo data once, however often the seed runs', async () => {
    await seedDemoData(handle.db);
    await seedDemoData(handle.db);
    const demoUsers = await handle.db.select({ email: users.email, role: users.role }).from(users);
    for (const account of DEMO_ACCOUNTS) {
      expect(demoUsers.filter((user) => user.email === account.email)).toEqual([{ email: account.email, role: account.role }]);
    }
    expect(await handle.db.select().from(initiatives).where(eq(initiatives.slug, 'plaza-mayor-redesign'))).toHaveLength(1);
    expect(await handle.db.select().from(memberships)).toHaveLength(1);
  });

  it('includes a decided consultation in which every published input has its answer', async () => {
    await seedDemoData(handle.db);
    const [decided] = await handle.db.select({ id: consultations.id }).from(consultations).where(eq(consultations.status, 'decided'));
    expect(decided).toBeDefined();
    const answers = await loadConsultationAnswers(handle.db, { actor: ANONYMOUS, consultationId: decided!.id });
    expect(answers.inputs.length).toBeGreaterThan(3);
    expect(accountabilityCoverage(answers.inputs)).toMatchObject({ unanswered: 0 });
    expect(answers.inputs.filter((input) => input.respondedVia === 'theme')).toHaveLength(2);
    const published = await listDecisions(handle.db, { actor: ANONYMOUS, consultationId: decided!.id });
    expect(published.map((decision) => decision.status)).toEqual(['published']);
  });

  it('leaves changes made since the last seed alone', async () => {
    await seedDemoData(handle.db);
    await handle.db.delete(memberships).where(sql`true`);
    await handle.db.update(users).set({ role: 'moderator' }).where(eq(users.email, 'resident@participa.example'));
    await seedDemoData(handle.db);
    expect(await handle.db.select().from(memberships)).toHaveLength(0);
    const [resident] = await handle.db.select({ role: users.role }).from(users).where(eq(users.email, 'resident@participa.example'));
    expect(resident?.role).toBe('moderator');
  });

  it('lets every demo account sign in with the shared demo password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await authenticate(handle.db, { email: account.email, password: DEMO_PASSWORD, address: '127.0.0.9' });
      expect(user?.email).toBe(account.email);
    }
  });
});
