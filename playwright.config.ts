// End-to-end tests: a production build (`next build`, then the custom server) with a
// fresh embedded database, driven by Debian's chromium. Run with `npx playwright test`.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT and NEXT_DIST_DIR let two runs (say, two developers' checks of different
// specs) share a machine without fighting over the port or the build folder.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;
// The SMTP server the site sends to during the tests (tests/support/mail-catcher.ts),
// and the address where the specs read what it received (tests/e2e/support/mailbox.ts).
const MAIL_SMTP_PORT = PORT + 15;
const MAIL_HTTP_PORT = PORT + 16;
process.env.E2E_MAILBOX_URL = `http://127.0.0.1:${MAIL_HTTP_PORT}`;
// The stand-in for the city's identity provider (tests/support/oidc-provider.ts).
const OIDC_PORT = PORT + 17;
const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

// This file is evaluated again in every worker process: decide the data folder once,
// in the runner, and hand it to the workers through the environment.
const testDataRoot = path.join(import.meta.dirname, '.test-data', `port-${PORT}`);
if (!process.env.PARTICIPA_E2E_DATA_DIR) {
  // Folders of earlier runs are never read again; remove them so they do not pile up.
  if (existsSync(testDataRoot)) {
    for (const entry of readdirSync(testDataRoot)) {
      if (entry.startsWith('e2e-')) rmSync(path.join(testDataRoot, entry), { recursive: true, force: true });
    }
  }
  process.env.PARTICIPA_E2E_DATA_DIR = path.join(testDataRoot, `e2e-${Date.now()}`);
}
const dataDir = process.env.PARTICIPA_E2E_DATA_DIR;

// The server gets this process's environment minus anything pointing at a real
// database or secret, so the embedded PGlite database (seeded with demo data) is used.
const { DATABASE_URL: _databaseUrl, AUTH_SECRET: _authSecret, NEXTAUTH_SECRET: _nextAuthSecret, ...inherited } = process.env;
const serverEnv: Record<string, string> = {
  ...(Object.fromEntries(Object.entries(inherited).filter(([, value]) => value !== undefined)) as Record<string, string>),
  PORT: String(PORT),
  DATA_DIR: dataDir,
  SEED_DEMO: 'true',
  NEXTAUTH_URL: BASE_URL,
  TIME_ZONE: 'UTC',
  // Every test browses from its own client address (an X-Forwarded-For header set by
  // tests/e2e/fixtures.ts), as behind a reverse proxy. Sign-in throttling counts
  // failures per address too; without this, the throttling test would lock every
  // other test out of signing in from 127.0.0.1 for ten minutes.
  TRUST_PROXY: 'true',
  SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
  // Most specs take part straight after signing up; the journey that confirms the
  // address first is in account-lifecycle.spec.ts, and the rule itself is unit-tested.
  EMAIL_VERIFICATION: 'optional',
  OIDC_ISSUER,
  OIDC_CLIENT_ID: 'participa',
  OIDC_CLIENT_SECRET: 'participa-test-secret-that-is-long-enough',
  OIDC_DISPLAY_NAME: 'City staff account',
  OIDC_ROLE_MAP: 'participa-admins=admin,participa-moderators=moderator',
};

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  // Files run in parallel on the two workers; tests inside a file run in order.
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      command: 'npx tsx tests/support/mail-catcher.ts',
      url: `${process.env.E2E_MAILBOX_URL}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { MAIL_CATCHER_SMTP_PORT: String(MAIL_SMTP_PORT), MAIL_CATCHER_HTTP_PORT: String(MAIL_HTTP_PORT) },
    },
    {
      command: 'npx tsx tests/support/oidc-provider.ts',
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
      env: { OIDC_TEST_PORT: String(OIDC_PORT), OIDC_TEST_REDIRECT_URI: `${BASE_URL}/api/auth/callback/city` },
    },
    {
      // E2E_SKIP_BUILD=1 serves an existing build (in NEXT_DIST_DIR), for a second run of a few specs.
      command: process.env.E2E_SKIP_BUILD === '1' ? 'npm run serve' : 'npm run build && npm run serve',
      url: `${BASE_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: serverEnv,
    },
  ],
});
