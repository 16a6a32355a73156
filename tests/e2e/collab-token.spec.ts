// The collaboration token endpoint (GET /api/collab/token?doc=<name>) and the realtime
// endpoint mounted on the app's port, as a browser meets them: who gets a token, with
// which access, and what the browser can then do with it.
import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { upgradeStatus } from '../support/websocket';
import { DEMO } from './support/accounts';

const DEMO_INITIATIVE_SLUG = 'plaza-mayor-redesign';
const mapOf = (initiativeId: string) => `initiative/${initiativeId}/stakeholder-map`;
const tokenPath = (doc: string) => `/api/collab/token?doc=${encodeURIComponent(doc)}`;

interface IssuedToken {
  token: string;
  url: string;
  access: 'edit' | 'view';
}

/** The demo initiative's id, as staff see it in the edit form (a signed-in moderator page). */
async function demoInitiativeId(moderatorPage: Page): Promise<string> {
  await moderatorPage.goto(`/initiatives/${DEMO_INITIATIVE_SLUG}/edit`);
  const id = await moderatorPage.locator('input[type="hidden"][name="initiativeId"]').getAttribute('value');
  expect(id, 'the edit form names the initiative').toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

/** The claims of a JWT, read without checking it (the server checks it). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

/** A y-websocket update message carrying an edit of the map. */
function editMessage(): number[] {
  const doc = new Y.Doc();
  doc.getMap('e2e-token-check').set('edited-by-a-viewer', true);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return Array.from(encoding.toUint8Array(encoder));
}

/**
 * Opens the document from the page with the browser's own WebSocket (so with the page's
 * Origin), optionally sends one message, and reports the first bytes of what arrives:
 * [0, 0, …] is the server's sync step 1, [2, 0, …] a permission-denied answer.
 */
async function openInBrowser(page: Page, issued: IssuedToken, doc: string, send?: number[]): Promise<number[][]> {
  return page.evaluate(
    ({ url, token, doc, send }) =>
      new Promise<number[][]>((resolve, reject) => {
        // The browser's own WebSocket, so the page's Origin is sent.
        const socket = new window.WebSocket(`${url}/${doc}?token=${encodeURIComponent(token)}`);
        socket.binaryType = 'arraybuffer';
        const received: number[][] = [];
        const timer = setTimeout(() => {
          socket.close();
          resolve(received);
        }, 3000);
        socket.onopen = () => {
          if (send) socket.send(new Uint8Array(send));
        };
        socket.onmessage = (event) => {
          received.push(Array.from(new Uint8Array(event.data as ArrayBuffer).slice(0, 2)));
          const wanted = send ? received.some(([type]) => type === 2) : received.length > 0;
          if (wanted) {
            clearTimeout(timer);
            socket.close();
            resolve(received);
          }
        };
        socket.onclose = (event) => {
          clearTimeout(timer);
          if (received.length === 0) reject(new Error(`closed with ${event.code} before any message`));
          else resolve(received);
        };
      }),
    { url: issued.url, token: issued.token, doc, send },
  );
}

test('anonymous visitors get no collaboration token', async ({ request }) => {
  const response = await request.get(tokenPath(mapOf(randomUUID())));
  expect(response.status()).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
});

test('a signed-in person asking for a malformed or unknown document is told so', async ({ page, signIn }) => {
  await signIn(page, DEMO.resident);
  for (const doc of ['', 'initiative', 'initiative/not-a-uuid/stakeholder-map', `initiative/${randomUUID()}/minutes`, `${mapOf(randomUUID())}/../x`, 'x'.repeat(300)]) {
    const response = await page.request.get(tokenPath(doc));
    expect(response.status(), doc).toBe(400);
  }
  expect((await page.request.get('/api/collab/token')).status()).toBe(400);

  const unknown = await page.request.get(tokenPath(mapOf(randomUUID())));
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
});

test('a moderator gets an edit token for the demo map and the browser can open it', async ({ page, signIn }) => {
  await signIn(page, DEMO.moderator);
  const doc = mapOf(await demoInitiativeId(page));

  const response = await page.request.get(tokenPath(doc));
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  const issued = (await response.json()) as IssuedToken;
  expect(issued.access).toBe('edit');
  expect(issued.url).toBe('ws://localhost:3210/collab');
  const claims = claimsOf(issued.token);
  expect(claims).toMatchObject({ doc, access: 'edit', name: DEMO.moderator.name });
  expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(5 * 60);
  expect(Number(claims.exp) * 1000).toBeGreaterThan(Date.now());

  // The page opens the document on the app's own port; the server greets it with sync step 1.
  const received = await openInBrowser(page, issued, doc);
  expect(received[0]).toEqual([0, 0]);
});

test('a resident gets a view token: the browser receives the map but its edits are refused', async ({ page, signIn, openPageAs }) => {
  const doc = mapOf(await demoInitiativeId(await openPageAs(DEMO.moderator)));
  await signIn(page, DEMO.resident);
  await page.goto(`/initiatives/${DEMO_INITIATIVE_SLUG}`);

  const response = await page.request.get(tokenPath(doc));
  expect(response.status()).toBe(200);
  const issued = (await response.json()) as IssuedToken;
  expect(issued.access).toBe('view');
  expect(claimsOf(issued.token)).toMatchObject({ doc, access: 'view', name: DEMO.resident.name });

  const received = await openInBrowser(page, issued, doc, editMessage());
  expect(received[0], 'the server greets the viewer with sync step 1').toEqual([0, 0]);
  expect(received.some(([type, answer]) => type === 2 && answer === 0), 'the edit is answered with permission denied').toBe(true);
});

test('the realtime endpoint refuses a token used for another document, a foreign page and a missing token', async ({ page, signIn }) => {
  await signIn(page, DEMO.moderator);
  const doc = mapOf(await demoInitiativeId(page));
  const issued = (await (await page.request.get(tokenPath(doc))).json()) as IssuedToken;
  const endpoint = `${issued.url}/${doc}`;

  // The control: this token on its own document, from the site's own page, is accepted.
  expect(await upgradeStatus(`${endpoint}?token=${issued.token}`, { Origin: 'http://localhost:3210' })).toBe(101);

  expect(await upgradeStatus(`${issued.url}/${mapOf(randomUUID())}?token=${issued.token}`)).toBe(403);
  expect(await upgradeStatus(`${endpoint}?token=${issued.token}`, { Origin: 'https://evil.example' })).toBe(403);
  expect(await upgradeStatus(endpoint)).toBe(401);
  expect(await upgradeStatus(`${endpoint}?token=${issued.token.slice(0, -4)}AAAA`)).toBe(401);
});
