// What every benchmark that serves a production build does around its measuring: build
// the app (unless BENCH_SKIP_BUILD=1 reuses the build), and undo what it set up, in
// reverse order, at the end or on Ctrl-C.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** `npm run build` into `distDir` (Next.js's default `.next` unless given). */
export function buildApp(distDir = '.next'): void {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    if (!existsSync(path.join(process.cwd(), distDir, 'BUILD_ID'))) throw new Error(`BENCH_SKIP_BUILD=1 but there is no build in ${distDir}`);
    console.error(`using the existing build in ${distDir} (BENCH_SKIP_BUILD=1)`);
    return;
  }
  console.error(`building into ${distDir} (BENCH_SKIP_BUILD=1 skips this)`);
  const started = performance.now();
  const { status } = spawnSync('npm', ['run', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...(distDir === '.next' ? {} : { NEXT_DIST_DIR: distDir }) },
  });
  if (status !== 0) throw new Error(`npm run build failed (exit ${status})`);
  console.error(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface CleanUps {
  /** Something to undo; undone after everything added later. */
  push(step: () => Promise<void> | void): void;
  /** Undoes everything so far; a failing step is reported and the others still run. */
  run(): Promise<void>;
}

/** Clean-up steps, also run on SIGINT and SIGTERM, so Ctrl-C still stops servers and removes data. */
export function cleanUpsOnExit(): CleanUps {
  const steps: Array<() => Promise<void> | void> = [];
  const run = async () => {
    for (const step of steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('clean-up step failed:', error);
      }
    }
  };
  const onSignal = () => void run().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { push: (step) => steps.push(step), run };
}
