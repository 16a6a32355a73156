// The test object every spec imports. Each test gets:
// - its own browser context browsing from its own client address (see uniqueClientAddress),
// - page objects bound to its page,
// - `newAccount`: a fresh resident, signed up through the real sign-up page in a
//   throwaway browser context (the test's own page stays signed out),
// - `signIn(page, account)`: signs a page's browser context in without the UI,
// - `openPageAs(account)`: a second browser (own context, own address) signed in as someone.
// - `openVisitorPage()`: a second browser (own context, own address) nobody is signed in
//   to, with JavaScript or without.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { AdminUsersPage } from './pages/admin-users-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { SiteHeader } from './pages/site-header';
import { freshAccountDetails, uniqueClientAddress, type Account } from './support/accounts';

interface Fixtures {
  clientAddress: string;
  header: SiteHeader;
  signUpPage: SignUpPage;
  signInPage: SignInPage;
  adminUsersPage: AdminUsersPage;
  newAccount: Account;
  signIn: (page: Page, account: Account) => Promise<void>;
  openPageAs: (account: Account) => Promise<Page>;
  openVisitorPage: (options?: { javaScriptEnabled?: boolean }) => Promise<Page>;
}

async function newIsolatedContext(browser: Browser, { javaScriptEnabled = true }: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': uniqueClientAddress() } });
}

/**
 * Signs a browser context in the way a script would (see shared/STACK-NOTES.md):
 * fetch a CSRF token, then post the credentials. The cookies land in the context.
 */
async function signInThroughApi(context: BrowserContext, account: Account): Promise<void> {
  const csrf = await context.request.get('/api/auth/csrf');
  expect(csrf.ok(), 'GET /api/auth/csrf').toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: account.email, password: account.password, json: 'true' },
  });
  expect(response.ok(), `signing in ${account.email}`).toBe(true);
  const { url } = (await response.json()) as { url: string };
  expect(url, `signing in ${account.email}`).not.toContain('error=');
}

/** Creates a resident through the sign-up page, as a person would, in a context of its own. */
async function signUpThroughUi(browser: Browser, account: Account): Promise<void> {
  const context = await newIsolatedContext(browser);
  try {
    const page = await context.newPage();
    const signUpPage = new SignUpPage(page);
    await signUpPage.goto();
    await signUpPage.submit(account);
    // With JavaScript the new account is signed in straight away.
    await expect(new SiteHeader(page).signedInName).toHaveText(account.name);
  } finally {
    await context.close();
  }
}

export const test = base.extend<Fixtures>({
  clientAddress: async ({}, provide) => {
    await provide(uniqueClientAddress());
  },
  // Every request of the test's own context carries its client address.
  extraHTTPHeaders: async ({ clientAddress }, provide) => {
    await provide({ 'X-Forwarded-For': clientAddress });
  },
  header: async ({ page }, provide) => {
    await provide(new SiteHeader(page));
  },
  signUpPage: async ({ page }, provide) => {
    await provide(new SignUpPage(page));
  },
  signInPage: async ({ page }, provide) => {
    await provide(new SignInPage(page));
  },
  adminUsersPage: async ({ page }, provide) => {
    await provide(new AdminUsersPage(page));
  },
  newAccount: async ({ browser }, provide) => {
    const account = freshAccountDetails();
    await signUpThroughUi(browser, account);
    await provide(account);
  },
  signIn: async ({}, provide) => {
    await provide((page, account) => signInThroughApi(page.context(), account));
  },
  openPageAs: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (account) => {
      const context = await newIsolatedContext(browser);
      contexts.push(context);
      await signInThroughApi(context, account);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  openVisitorPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await newIsolatedContext(browser, options);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
