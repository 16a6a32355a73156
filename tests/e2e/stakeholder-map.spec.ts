// The live stakeholder map (/initiatives/<slug>/stakeholder-map) with several people on
// it at once: what each sees of the others' changes, who may change what, per-person
// undo, the downloads' contact details, keyboard use and accessibility. Every test that
// edits maps an initiative of its own, made through the UI, so it neither sees other
// tests' changes nor disturbs the demo map other spec files read.
import * as Y from 'yjs';
import type { Locator, Page, WebSocketRoute } from '@playwright/test';
import { addStakeholder, newStakeholderFields } from '../../lib/stakeholder-map/document';
import { expect, test } from './fixtures';
import { createActiveInitiative, DEMO_MAP_SLUG, StakeholderMapPage, type MapView } from './pages/stakeholder-map-page';
import { DEMO, type Account } from './support/accounts';
import { expectNoSeriousAccessibilityViolations } from './support/axe';

/** How soon a change must reach the other people on the map. */
const LIVE_MS = 2000;

const INVITED_ORGANIZATION = 'Green Streets Alliance';

/**
 * A fresh initiative's map, opened by the moderator (on `page`), who invites Green
 * Streets Alliance through the page, and by Nuno NGO, a member of it, in a browser of his own.
 */
async function mapSharedWithNgo(page: Page, openPageAs: (account: Account) => Promise<Page>, view: MapView) {
  const { slug } = await createActiveInitiative(page);
  const moderator = new StakeholderMapPage(page);
  await moderator.goto(slug, view);
  await expect(moderator.workspace).toHaveAttribute('data-access', 'edit');
  await moderator.inviteOrganization(INVITED_ORGANIZATION);
  const ngo = new StakeholderMapPage(await openPageAs(DEMO.ngo));
  await ngo.goto(slug, view);
  return { slug, moderator, ngo };
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backward = false, limit = 60 } = {}): Promise<void> {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} did not receive the focus within ${limit} presses of ${backward ? 'Shift+Tab' : 'Tab'}`);
}

test('a stakeholder one editor adds appears at once for the other, and both see each other on the map', async ({ page, signIn, openPageAs }) => {
  test.slow(); // an initiative and an invitation, made through the UI, and two browsers
  await signIn(page, DEMO.moderator);
  const { moderator, ngo } = await mapSharedWithNgo(page, openPageAs, 'table');

  // The invitation is what lets the organization's member edit.
  await expect(ngo.workspace).toHaveAttribute('data-access', 'edit');
  await expect(ngo.addButton).toBeVisible();
  await expect(moderator.presence).toContainText(`${DEMO.moderator.name} (you)`);
  await expect(moderator.presence).toContainText(DEMO.ngo.name);
  await expect(ngo.presence).toContainText(`${DEMO.ngo.name} (you)`);
  await expect(ngo.presence).toContainText(DEMO.moderator.name);

  await moderator.addStakeholder({ name: 'Bus drivers’ union', category: 'Industry association', power: 4, interest: 2 });
  await expect(ngo.row('Bus drivers’ union')).toBeVisible({ timeout: LIVE_MS });
  await expect(ngo.cell('Bus drivers’ union', 'category')).toHaveText('Industry association');
  await expect(ngo.cell('Bus drivers’ union', 'power')).toHaveText('4');

  await ngo.addStakeholder({ name: 'Street vendors', category: 'Citizens or citizens\' organization' });
  await expect(moderator.row('Street vendors')).toBeVisible({ timeout: LIVE_MS });
  // The moderator has the new stakeholder open; the other sees what they are looking at.
  await expect(ngo.presence).toContainText(`${DEMO.moderator.name} is looking at Bus drivers’ union`);
});

test('edits made while the connection is lost are kept, merge with what others did meanwhile, and reach everyone on reconnect', async ({ page, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  // The moderator's websocket passes through a switch this test can open: closing it is
  // a dropped connection as the browser sees it, and refusing new ones keeps it offline.
  let isOnline = true;
  const connections: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/collab\//, (socket) => {
    if (!isOnline) {
      void socket.close({ code: 4000, reason: 'offline' });
      return;
    }
    socket.connectToServer();
    connections.push(socket);
  });
  const { moderator, ngo } = await mapSharedWithNgo(page, openPageAs, 'table');
  await moderator.addStakeholder({ name: 'Night bus riders', power: 2 });
  await moderator.addStakeholder({ name: 'Market stall holders', power: 2 });
  await expect(ngo.row('Market stall holders')).toBeVisible({ timeout: LIVE_MS });

  isOnline = false;
  await Promise.all(connections.splice(0).map((socket) => socket.close({ code: 4000, reason: 'offline' })));
  await expect(moderator.connectionStatus).toContainText('Offline');

  // Offline, the moderator keeps working; meanwhile Nuno changes another stakeholder.
  await moderator.changeStakeholder('Night bus riders', { power: 5 });
  await expect(moderator.cell('Night bus riders', 'power')).toHaveText('5');
  await ngo.changeStakeholder('Market stall holders', { interest: 5 });
  await expect(ngo.cell('Night bus riders', 'power')).toHaveText('2');
  await expect(moderator.cell('Market stall holders', 'interest')).toHaveText('3');

  isOnline = true;
  await moderator.expectLive();
  await expect(ngo.cell('Night bus riders', 'power')).toHaveText('5', { timeout: LIVE_MS });
  await expect(moderator.cell('Market stall holders', 'interest')).toHaveText('5', { timeout: LIVE_MS });
  // And it was stored, not only passed on: a fresh page has both.
  await ngo.page.reload();
  await ngo.expectLive();
  await expect(ngo.cell('Night bus riders', 'power')).toHaveText('5');
  await expect(ngo.cell('Market stall holders', 'interest')).toHaveText('5');
});

test('on the network, a drag, a new relation, a pointer and a deletion by one editor reach the other', async ({ page, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const { moderator, ngo } = await mapSharedWithNgo(page, openPageAs, 'network');
  await moderator.addStakeholder({ name: 'Ferry operator' });
  await moderator.addStakeholder({ name: 'Harbour authority' });
  await expect(ngo.networkNode('Harbour authority')).toBeVisible({ timeout: LIVE_MS });

  // A drag to the right, in small steps as a hand would.
  const before = (await ngo.networkNode('Ferry operator').boundingBox())!;
  const start = (await moderator.networkNode('Ferry operator').boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await page.mouse.move(start.x + start.width / 2 + step * 15, start.y + start.height / 2 + step * 5, { steps: 2 });
  await page.mouse.up();
  await expect.poll(async () => (await ngo.networkNode('Ferry operator').boundingBox())!.x, { timeout: LIVE_MS }).toBeGreaterThan(before.x + 20);

  // Connecting one card's handle to another's relates them, for both.
  await moderator.networkHandle('Ferry operator', 'source').dragTo(moderator.networkHandle('Harbour authority', 'target'));
  await expect(ngo.networkEdges).toHaveCount(1, { timeout: LIVE_MS });

  // The moderator's pointer shows on Nuno's network, with the moderator's name.
  const pane = (await moderator.network.boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 3, pane.y + pane.height / 3);
  await page.mouse.move(pane.x + pane.width / 3 + 40, pane.y + pane.height / 3 + 20, { steps: 5 });
  await expect(ngo.network.locator(`[data-remote-cursor="${DEMO.moderator.name}"]`)).toBeAttached({ timeout: LIVE_MS });

  // Delete removes the selected stakeholder, and its relation with it.
  await moderator.networkNode('Harbour authority').click();
  // Clicking opens the side panel and moves the focus there; Delete acts on the graph.
  await moderator.networkNode('Harbour authority').focus();
  const question = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await page.keyboard.press('Delete');
  expect(await question).toBe('Delete 1 stakeholder and 1 relation from the map? A stakeholder’s relations go with it.');
  await expect(ngo.networkNode('Harbour authority')).toHaveCount(0, { timeout: LIVE_MS });
  await expect(ngo.networkEdges).toHaveCount(0);
  await expect(ngo.networkNode('Ferry operator')).toBeVisible();
});

test('a card dragged on the power and interest grid moves for the other editor', async ({ page, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const { moderator, ngo } = await mapSharedWithNgo(page, openPageAs, 'grid');
  await moderator.addStakeholder({ name: 'Taxi drivers', power: 3, interest: 3 });
  await expect(ngo.gridCard('Taxi drivers')).toHaveAccessibleName('Taxi drivers: power 3, interest 3, Manage closely', { timeout: LIVE_MS });

  await ngo.gridCard('Taxi drivers').dragTo(ngo.gridCell(5, 1));
  await expect(ngo.gridCell(5, 1).getByRole('button', { name: /^Taxi drivers:/ })).toBeVisible();
  await expect(moderator.gridCard('Taxi drivers')).toHaveAccessibleName('Taxi drivers: power 5, interest 1, Keep satisfied', { timeout: LIVE_MS });
  await expect(moderator.gridCell(5, 1).getByRole('button', { name: /^Taxi drivers:/ })).toBeVisible();
});

test('a resident follows the map live but cannot change it, not even by writing to the websocket', async ({ page, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const { slug } = await createActiveInitiative(page);
  const moderator = new StakeholderMapPage(page);
  await moderator.goto(slug, 'table');
  await moderator.addStakeholder({ name: 'Market hall tenants', power: 2, interest: 5, contact: 'Jon Doe, tenants’ spokesperson' });

  const resident = new StakeholderMapPage(await openPageAs(DEMO.resident));
  await resident.goto(slug, 'table');
  await expect(resident.workspace).toHaveAttribute('data-access', 'view');
  await expect(resident.workspace).toContainText('You can view this map. Only municipality staff and invited organizations edit it.');
  await expect(resident.addButton).toHaveCount(0);
  await expect(resident.undoButton).toHaveCount(0);
  await expect(resident.editButton('Market hall tenants')).toHaveCount(0);

  // The side panel shows the details, not a form, and no contact details.
  await resident.detailsButton('Market hall tenants').click();
  await expect(resident.editorHeading('Market hall tenants')).toBeVisible();
  await expect(resident.detail('Power')).toHaveText('2');
  await expect(resident.detail('Interest')).toHaveText('5');
  await expect(resident.editor.locator('form')).toHaveCount(0);
  await expect(resident.editor.getByRole('textbox')).toHaveCount(0);
  await expect(resident.saveButton).toHaveCount(0);
  await expect(resident.deleteButton).toHaveCount(0);
  await expect(resident.editor).not.toContainText('Contact details');
  await expect(resident.editor).not.toContainText('Jon Doe');

  // A change the moderator makes reaches the resident live.
  await moderator.addStakeholder({ name: 'Delivery riders' });
  await expect(resident.row('Delivery riders')).toBeVisible({ timeout: LIVE_MS });

  // A script on the resident's page writes a whole, valid stakeholder straight to the
  // websocket with the resident's (view) token: the server refuses it.
  const forged = new Y.Doc();
  addStakeholder(forged, newStakeholderFields('other', { name: 'Forged by a viewer' }));
  const { access, answers } = await resident.sendRawUpdate(Y.encodeStateAsUpdate(forged));
  expect(access).toBe('view');
  expect(answers, 'the write is answered with permission denied').toContainEqual([2, 0]);

  // Had the server taken the write, it would have passed it on before this later change.
  await moderator.addStakeholder({ name: 'Night bus passengers' });
  await expect(resident.row('Night bus passengers')).toBeVisible({ timeout: LIVE_MS });
  await expect(resident.table.getByRole('rowheader')).toHaveCount(3);
  await expect(resident.row('Forged by a viewer')).toHaveCount(0);
  await expect(moderator.table.getByRole('rowheader')).toHaveCount(3);
  await expect(moderator.row('Forged by a viewer')).toHaveCount(0);

  // Nor was it stored: the map the server renders again does not have it.
  await resident.page.reload();
  await resident.expectLive();
  await expect(resident.row('Night bus passengers')).toBeVisible();
  await expect(resident.table.getByRole('rowheader')).toHaveCount(3);
  await expect(resident.row('Forged by a viewer')).toHaveCount(0);
});

test('undo takes back only one’s own last change, for everyone, and leaves the other editor’s', async ({ page, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const { moderator, ngo } = await mapSharedWithNgo(page, openPageAs, 'table');
  // The NGO adds both stakeholders, so the moderator's only change is the one below.
  await ngo.addStakeholder({ name: 'Residents’ parking group', power: 3 });
  await ngo.addStakeholder({ name: 'Cargo bike couriers', power: 3 });
  await expect(moderator.row('Cargo bike couriers')).toBeVisible({ timeout: LIVE_MS });
  await expect(moderator.undoButton).toBeDisabled();

  await moderator.changeStakeholder('Residents’ parking group', { power: 5 });
  await ngo.changeStakeholder('Cargo bike couriers', { power: 1 });
  for (const map of [moderator, ngo]) {
    await expect(map.cell('Residents’ parking group', 'power')).toHaveText('5', { timeout: LIVE_MS });
    await expect(map.cell('Cargo bike couriers', 'power')).toHaveText('1', { timeout: LIVE_MS });
  }

  await moderator.undoButton.click();
  for (const map of [moderator, ngo]) {
    await expect(map.cell('Residents’ parking group', 'power')).toHaveText('3', { timeout: LIVE_MS });
    await expect(map.cell('Cargo bike couriers', 'power')).toHaveText('1');
  }
  await expect(moderator.undoButton).toBeDisabled();
  await expect(moderator.redoButton).toBeEnabled();
});

test.describe('downloads', () => {
  const csvPath = `${StakeholderMapPage.path(DEMO_MAP_SLUG)}.csv`;
  const CSV_HEADER = 'id,name,kind,category,level,sector,lfa_role,ssc_role,power,interest,aims,challenges,potential,constraints,contribution,organization_id,notes';

  for (const account of [DEMO.ngo, DEMO.resident]) {
    test(`${account.name} downloads the demo map with a row per stakeholder and no contact details`, async ({ page, signIn }) => {
      await signIn(page, account);
      // The stakeholders the page lists, to compare the file with.
      const map = new StakeholderMapPage(page);
      await map.goto(DEMO_MAP_SLUG, 'table');
      const names = await map.table.getByRole('rowheader').allTextContents();
      expect(names).toContain(INVITED_ORGANIZATION);

      const response = await page.request.get(csvPath);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const csv = await response.text();
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(CSV_HEADER);
      expect(lines[0]).not.toContain('contact');
      // Each row starts with the stakeholder's id; no field of the demo map spans lines.
      expect(lines.filter((line) => /^[0-9a-f-]{36},/.test(line))).toHaveLength(names.length);
      for (const name of names) expect(csv).toContain(name);
      expect(csv).not.toContain('Marisol Vega');

      // Nor does any other download carry them.
      for (const format of ['json', 'graphml']) {
        const other = await page.request.get(`${StakeholderMapPage.path(DEMO_MAP_SLUG)}.${format}`);
        expect(other.status(), format).toBe(200);
        const body = await other.text();
        expect(body, format).toContain(INVITED_ORGANIZATION);
        expect(body, format).not.toContain('Marisol Vega');
      }
    });
  }

  test('staff download the demo map with its contact details', async ({ page, signIn }) => {
    await signIn(page, DEMO.moderator);
    const response = await page.request.get(csvPath);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('private, no-store');
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe(`${CSV_HEADER},contact`);
    const traders = csv.split('\r\n').find((line) => line.includes('Plaza Mayor traders’ association'));
    expect(traders).toContain('Marisol Vega (chair)');
  });
});

test('with the keyboard alone, staff add, edit, relate and delete stakeholders in the summary table', async ({ page, signIn }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const { slug } = await createActiveInitiative(page);
  const map = new StakeholderMapPage(page);
  await map.goto(slug);
  const confirmations: string[] = [];
  page.on('dialog', (dialog) => {
    confirmations.push(dialog.message());
    void dialog.accept();
  });
  const keyboard = page.keyboard;

  await map.tab('table').focus();
  await keyboard.press('Enter');
  await expect(map.tab('table')).toHaveAttribute('aria-current', 'page');
  await expect(map.table).toBeVisible();

  // Two new stakeholders; the panel takes the focus when it opens.
  for (const { name, category, power } of [
    { name: 'Harbour pilots', category: 'industry_association', power: '5' },
    { name: 'Ferry operator', category: 'city_services_company', power: '4' },
  ]) {
    await tabTo(page, map.addButton, { backward: true });
    await keyboard.press('Enter');
    await expect(map.editorHeading('New stakeholder')).toBeFocused();
    await tabTo(page, map.field('Name'));
    await keyboard.type(name);
    await tabTo(page, map.field('Category'));
    // Type-ahead on the closed select, as with a select anywhere.
    await keyboard.type(category === 'industry_association' ? 'Industry' : 'City services');
    await expect(map.field('Category')).toHaveValue(category);
    await tabTo(page, map.field('Power'));
    await keyboard.type(power);
    await expect(map.field('Power')).toHaveValue(power);
    await tabTo(page, map.saveButton);
    await keyboard.press('Enter');
    await expect(map.editorHeading(`Edit ${name}`)).toBeFocused();
    await expect(map.cell(name, 'power')).toHaveText(power);
  }
  await expect(map.table.getByRole('rowheader')).toHaveText(['Ferry operator', 'Harbour pilots']);

  // Open the first again from its row, change its interest and relate it to the other.
  await tabTo(page, map.editButton('Harbour pilots'), { backward: true });
  await keyboard.press('Enter');
  await expect(map.editorHeading('Edit Harbour pilots')).toBeFocused();
  await tabTo(page, map.field('Interest'));
  await keyboard.press('ArrowDown');
  await expect(map.field('Interest')).toHaveValue('4');
  await tabTo(page, map.saveButton);
  await keyboard.press('Enter');
  await expect(map.editor.getByRole('status')).toHaveText('Saved.');
  await expect(map.cell('Harbour pilots', 'interest')).toHaveText('4');

  await tabTo(page, map.editor.getByLabel('Other stakeholder'));
  await expect(map.editor.getByLabel('Other stakeholder')).toHaveValue(/./);
  await tabTo(page, map.editor.getByLabel('Kind of relation'));
  await keyboard.type('sup');
  await tabTo(page, map.editor.getByRole('button', { name: 'Add relation' }));
  await keyboard.press('Enter');
  await expect(map.editor).toContainText('Harbour pilots supplies Ferry operator');
  await expect(map.cell('Harbour pilots', 'relations')).toHaveText('1');
  await expect(map.cell('Ferry operator', 'relations')).toHaveText('1');

  // Delete the other, with its relation.
  await tabTo(page, map.editButton('Ferry operator'), { backward: true });
  await keyboard.press('Enter');
  await expect(map.editorHeading('Edit Ferry operator')).toBeFocused();
  await tabTo(page, map.deleteButton);
  await keyboard.press('Enter');
  await expect(map.editor).toBeHidden();
  expect(confirmations).toEqual(['Delete Ferry operator and its relation?']);
  await expect(map.table.getByRole('rowheader')).toHaveText(['Harbour pilots']);
  await expect(map.cell('Harbour pilots', 'interest')).toHaveText('4');
  await expect(map.cell('Harbour pilots', 'relations')).toHaveText('0');
});

test('arrow keys on a focused grid card change its power for everyone looking', async ({ page, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const { slug } = await createActiveInitiative(page);
  const moderator = new StakeholderMapPage(page);
  await moderator.goto(slug, 'grid');
  await moderator.addStakeholder({ name: 'Tram operator', power: 2, interest: 4 });
  const resident = new StakeholderMapPage(await openPageAs(DEMO.resident));
  await resident.goto(slug, 'grid');
  await expect(resident.gridCard('Tram operator')).toHaveAccessibleName('Tram operator: power 2, interest 4, Keep informed');

  await moderator.gridCard('Tram operator').focus();
  await page.keyboard.press('ArrowUp');
  await expect(resident.gridCard('Tram operator')).toHaveAccessibleName('Tram operator: power 3, interest 4, Manage closely', { timeout: LIVE_MS });
  // The card keeps the focus in its new cell, so the keys go on working.
  await expect(moderator.gridCell(3, 4).getByRole('button', { name: /^Tram operator:/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(resident.gridCard('Tram operator')).toHaveAccessibleName('Tram operator: power 3, interest 5, Manage closely', { timeout: LIVE_MS });
});

test.describe('accessibility', () => {
  for (const [who, account] of [
    ['an editor', DEMO.moderator],
    ['a read-only resident', DEMO.resident],
  ] as const) {
    test(`axe finds no serious problem in any view of the demo map, for ${who}`, async ({ page, signIn }) => {
      test.slow(); // axe on three large views
      await signIn(page, account);
      const map = new StakeholderMapPage(page);
      const ready: Record<MapView, Locator> = {
        network: map.network.locator('[data-stakeholder-node]').first(),
        grid: map.gridCard(INVITED_ORGANIZATION),
        table: map.row(INVITED_ORGANIZATION),
      };
      for (const view of ['network', 'grid', 'table'] as const) {
        await map.goto(DEMO_MAP_SLUG, view);
        await expect(ready[view]).toBeVisible();
        await expectNoSeriousAccessibilityViolations(page);
      }
      // The side panel too: a form for the editor, the details for the resident.
      await (account === DEMO.moderator ? map.editButton(INVITED_ORGANIZATION) : map.detailsButton(INVITED_ORGANIZATION)).click();
      await expect(map.editor).toBeVisible();
      await expectNoSeriousAccessibilityViolations(page);
    });
  }
});
