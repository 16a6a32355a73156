// What every page promises a browser (a Content-Security-Policy with a fresh nonce, a
// Permissions-Policy, HSTS over https) and that the pages still work under it; and the
// right status code, never a 500, for what an attacker or a broken client sends.
import { request as httpRequest } from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ConsultationPage, DEMO_CONSULTATIONS } from './pages/consultation-page';
import { DEMO_DECIDED, ReportPage } from './pages/decision-pages';
import { fileGrievance } from './pages/grievance-filing-page';
import { DEMO_CHANNELS, GrievancesHomePage } from './pages/grievance-public-pages';
import { NewConsultationPage } from './pages/manage-consultation-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { SiteHeader } from './pages/site-header';
import { DEMO_MAP_SLUG, StakeholderMapPage } from './pages/stakeholder-map-page';
import { DEMO, freshAccountDetails, uniqueSuffix } from './support/accounts';
import { watchForCspViolations } from './support/csp';
import { expectHydrated } from './support/hydration';

/** next.config.js serverActions.bodySizeLimit ('51mb'). */
const BODY_LIMIT_BYTES = 51 * 1024 * 1024;
const TOO_LARGE = 'What you sent is larger than the site accepts at once. Please send smaller or fewer files.';
const CROSS_SITE = 'This form was sent from another website, so it was not accepted. Please open the page on this site and send it from there.';
const UNREADABLE = 'The site could not read what was sent. Please reload the page and try again.';

function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([directiveName]) => directiveName === name);
  return found?.slice(1) ?? [];
}

/** The id of the sign-up form's server action, which React renders into the form for use without JavaScript. */
async function signUpActionId(page: Page): Promise<string> {
  await page.goto('/signup');
  const encoded = await page.locator('input[name="$ACTION_1:0"]').getAttribute('value');
  const actionId = (JSON.parse(encoded ?? '{}') as { id?: string }).id;
  expect(actionId, 'the sign-up form carries its action id').toBeTruthy();
  return actionId!;
}

function multipartForm(boundary: string, fields: Record<string, string>): string {
  return (
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}--\r\n`
  );
}

/**
 * Posts a large body to a server action over a raw connection and returns the answer,
 * which the server gives before it has read the whole body: with a declared length over
 * the limit only the start of the body is sent (the server need not read any of it);
 * chunked, pieces are sent until the limit is passed by a mebibyte. Then the client
 * stops writing and waits, so it never writes into a connection the server has closed.
 */
async function postLargeBody(
  baseURL: string,
  { actionId, isChunked, clientAddress }: { actionId: string; isChunked: boolean; clientAddress: string },
): Promise<{ status: number; text: string }> {
  const boundary = 'e2e-large-body';
  const site = new URL(baseURL);
  const opening = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n`);
  const totalBytes = BODY_LIMIT_BYTES + 1024 * 1024;
  return new Promise((resolve, reject) => {
    let hasAnswer = false;
    const request = httpRequest(
      {
        host: site.hostname,
        port: site.port,
        path: '/signup',
        method: 'POST',
        headers: {
          'Next-Action': actionId,
          Origin: site.origin,
          'X-Forwarded-For': clientAddress,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          ...(isChunked ? {} : { 'Content-Length': String(totalBytes) }),
        },
      },
      (response) => {
        hasAnswer = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        // The server closes the connection after its answer: the answer is what counts.
        response.on('close', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', (error) => (hasAnswer ? undefined : reject(error)));
    request.write(opening);
    if (!isChunked) return;
    const piece = Buffer.alloc(1024 * 1024, 0x61);
    let sent = opening.length;
    const sendMore = () => {
      while (!hasAnswer && !request.destroyed && sent < totalBytes) {
        sent += piece.length;
        if (!request.write(piece)) {
          request.once('drain', sendMore);
          return;
        }
      }
    };
    sendMore();
  });
}

test.describe('security headers', () => {
  test('every page sends a policy that lets only scripts with this response’s nonce run', async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ['/', '/signin', '/grievances', `/initiatives/${DEMO_CONSULTATIONS.initiativeSlug}`, '/no-such-page']) {
      const response = await request.get(path);
      const headers = response.headers();
      const policy = headers['content-security-policy'] ?? '';
      const [self, nonceSource, strictDynamic, ...rest] = directive(policy, 'script-src');
      expect([self, strictDynamic, ...rest], `script-src of ${path}`).toEqual(["'self'", "'strict-dynamic'"]);
      const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(nonceSource ?? '')?.[1];
      expect(nonce, `nonce of ${path}`).toBeTruthy();
      nonces.add(nonce!);
      expect(directive(policy, 'object-src')).toEqual(["'none'"]);
      expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
      expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
      expect(directive(policy, 'form-action')).toEqual(["'self'"]);
      expect(policy).not.toContain('unsafe-eval');

      // Every script the page carries has the nonce: nothing inline runs without it.
      const scriptTags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length, `scripts on ${path}`).toBeGreaterThan(0);
      for (const tag of scriptTags) expect(tag, `a script on ${path}`).toContain(`nonce="${nonce}"`);

      expect(headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\).*usb=\(\)/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      // The test server is reached over plain http.
      expect(headers['strict-transport-security']).toBeUndefined();
    }
    expect(nonces.size, 'a fresh nonce for every response').toBe(5);
  });

  test('HSTS is sent when the trusted proxy says the browser came over https', async ({ request }) => {
    const response = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(response.headers()['strict-transport-security']).toBe('max-age=31536000');
  });

  test('the pages where a grievance’s codes can be in the address keep them out of the Referer', async ({ request }) => {
    for (const path of ['/grievances/follow', '/grievances/filed']) {
      expect((await request.get(path, { maxRedirects: 0 })).headers()['referrer-policy'], path).toBe('strict-origin');
    }
  });
});

test.describe('the main pages work under the policy', () => {
  test('a resident signs up, browses, files a grievance and signs in again without a single violation', async ({ page }) => {
    test.slow(); // a whole visit through the site
    const csp = await watchForCspViolations(page);
    const header = new SiteHeader(page);

    await page.goto('/');
    await expect(page.getByRole('main')).toBeVisible();
    await expectHydrated(header.signInLink);

    const account = freshAccountDetails();
    const signUp = new SignUpPage(page);
    await signUp.goto();
    await signUp.submit(account);
    await expect(header.signedInName).toHaveText(account.name);

    await page.goto(`/initiatives/${DEMO_CONSULTATIONS.initiativeSlug}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
    const consultation = new ConsultationPage(page);
    await consultation.goto(consultationPath);
    await consultation.expectFormReady();

    const channelPath = await GrievancesHomePage.channelPath(page, DEMO_CHANNELS.cityWide);
    const codes = await fileGrievance(page, channelPath, {
      category: 'Access to information',
      description: `The notice board at the library has not been updated for a month (${uniqueSuffix()}).`,
    });
    expect(codes.reference).toBeTruthy();

    const report = new ReportPage(page);
    await report.goto(await ConsultationPage.demoConsultationPath(page, DEMO_DECIDED.title));

    await header.signOut();
    await expect(header.signInLink).toBeVisible();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(account.email, account.password);
    await expect(header.signedInName).toHaveText(account.name);

    csp.expectNone('the resident’s visit');
  });

  test('staff use the live stakeholder map in all three views without a violation', async ({ openPageAs }) => {
    const staff = await openPageAs(DEMO.admin);
    const csp = await watchForCspViolations(staff);
    const map = new StakeholderMapPage(staff);
    // Live means the page is hydrated and its websocket to the collaboration endpoint is open.
    await map.goto(DEMO_MAP_SLUG, 'network');
    await expect(map.network.locator('.react-flow__node').first()).toBeVisible();
    await map.showView('grid');
    await expect(map.grid).toBeVisible();
    await map.showView('table');
    await expect(map.table.getByRole('row').nth(1)).toBeVisible();
    await map.expectLive();
    csp.expectNone('the stakeholder map');
  });
});

test.describe('status codes for what clients send', () => {
  test('a server action posted from another site is refused with 403, with or without script', async ({ page, request }) => {
    const actionId = await signUpActionId(page);
    const boundary = 'e2e-cross-site';
    const form = multipartForm(boundary, { name: 'Mallory', email: `mallory-${uniqueSuffix()}@example.org`, password: 'a long enough password' });
    const crossSite: Array<Record<string, string>> = [
      { 'Next-Action': actionId, Origin: 'https://attacker.example' },
      { Origin: 'https://attacker.example' },
      { 'Next-Action': actionId, Origin: 'null' },
    ];
    for (const headers of crossSite) {
      const response = await request.post('/signup', {
        headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        data: form,
      });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toBe(CROSS_SITE);
    }
  });

  test('a server action body over the limit is refused with 413, declared or chunked', async ({ page, baseURL, clientAddress }) => {
    test.slow(); // 52 MB through the loopback
    const actionId = await signUpActionId(page);
    for (const isChunked of [false, true]) {
      const answer = await postLargeBody(baseURL!, { actionId, isChunked, clientAddress });
      expect(answer, isChunked ? 'chunked' : 'declared length').toEqual({ status: 413, text: TOO_LARGE });
    }
  });

  test('an action body nobody could decode gets 400, and an unknown action a 4xx, never a 500', async ({ page, request, baseURL }) => {
    const actionId = await signUpActionId(page);
    const origin = new URL(baseURL!).origin;
    const unreadable = [
      { 'Content-Type': 'text/plain;charset=UTF-8', data: 'garbage{' },
      { 'Content-Type': 'multipart/form-data; boundary=e2e', data: 'garbage' },
      { 'Content-Type': 'multipart/form-data; boundary=e2e', data: '--e2e\r\nContent-Disposition: form-data; name="a"\r\n\r\ncut off' },
      { 'Content-Type': 'multipart/form-data', data: 'no boundary at all' },
    ];
    for (const { data, ...headers } of unreadable) {
      for (const action of [{ 'Next-Action': actionId }, {}] as Array<Record<string, string>>) {
        const response = await request.post('/signup', { headers: { ...action, ...headers, Origin: origin }, data });
        const label = `${JSON.stringify(action)} ${JSON.stringify(headers)} ${JSON.stringify(data)}`;
        // A plain body without Next-Action is no action at all: the page answers it.
        if (headers['Content-Type'].startsWith('text/plain') && !('Next-Action' in action)) {
          expect(response.status(), label).toBeLessThan(500);
          continue;
        }
        expect(response.status(), label).toBe(400);
        expect(await response.text(), label).toBe(UNREADABLE);
      }
    }
    for (const unknownId of ['zzzz', '00112233445566778899aabbccddeeff00112233aa']) {
      const response = await request.post('/signup', {
        headers: { 'Next-Action': unknownId, Origin: origin, 'Content-Type': 'multipart/form-data; boundary=e2e' },
        data: multipartForm('e2e', { name: 'x' }),
      });
      expect(response.status(), unknownId).toBeGreaterThanOrEqual(400);
      expect(response.status(), unknownId).toBeLessThan(500);
    }
  });

  test('staff open the moderation log of a draft consultation; nobody else finds it', async ({ page, openPageAs }) => {
    const staff = await openPageAs(DEMO.moderator);
    const draft = new NewConsultationPage(staff);
    await draft.goto();
    await draft.create({ title: `Draft with a log ${uniqueSuffix()}` });
    const logPath = `${new URL(staff.url()).pathname.replace(/\/manage$/, '')}/moderation-log`;

    const staffView = await staff.goto(logPath);
    expect(staffView?.status()).toBe(200);
    await expect(staff.getByRole('main').getByRole('heading', { level: 2, name: 'Public moderation log' })).toBeVisible();
    await expect(staff.getByRole('main').getByText('No moderation decision has been taken.')).toBeVisible();

    // A resident, and the test's own page, where nobody is signed in.
    for (const outsider of [await openPageAs(DEMO.resident), page]) {
      const response = await outsider.goto(logPath);
      expect(response?.status()).toBe(404);
      await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    }
  });
});
