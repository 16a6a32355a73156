// Benchmarks of the foundation's costly paths, printed as a table. Run: npm run bench.
// Figures are for reading and comparing, never asserted in the test suite.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@/db';
import { authenticate } from '@/lib/accounts/authenticate';
import { registerUser } from '@/lib/accounts/register-user';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';

interface Row {
  benchmark: string;
  runs: number;
  'median ms': string;
  'p95 ms': string;
  'per second': string;
}

async function measure(benchmark: string, runs: number, body: (run: number) => Promise<unknown> | unknown): Promise<Row> {
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await body(run);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  const total = durations.reduce((sum, d) => sum + d, 0);
  return {
    benchmark,
    runs,
    'median ms': at(0.5).toPrecision(3),
    'p95 ms': at(0.95).toPrecision(3),
    'per second': (runs / (total / 1000)).toPrecision(3),
  };
}

async function main() {
  const rows: Row[] = [];
  rows.push(await measure('PGlite open + migrate (in memory)', 3, async () => (await openDatabase({})).close()));

  const handle = await openDatabase(process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : {});
  const password = 'benchmark password';
  const stamp = Date.now();
  rows.push(
    await measure(`sign-up: scrypt hash + insert (${handle.kind})`, 20, (run) =>
      registerUser(handle.db, { name: `Bench ${run}`, email: `bench-${stamp}-${run}@example.org`, password }),
    ),
  );
  rows.push(
    await measure(`sign-in: throttle check + scrypt verify (${handle.kind})`, 20, (run) =>
      authenticate(handle.db, { email: `bench-${stamp}-${run}@example.org`, password, address: `bench-${run}` }),
    ),
  );
  const actor: Actor = { kind: 'user', id: 'bench', name: 'Bench', role: 'moderator' };
  rows.push(await measure('policy: can() decision', 100_000, () => can(actor, 'initiative.view', { status: 'draft' })));
  await handle.close();

  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
