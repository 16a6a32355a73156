// The live stakeholder map of an initiative (/initiatives/<slug>/stakeholder-map) as a
// person meets it: the three views, the side panel, the toolbar, presence and the
// invitations staff hand out. Also the fresh initiative each editing test maps, so
// that tests (and other spec files using the demo map) never see each other's changes.
import * as encoding from 'lib0/encoding';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';
import { uniqueSuffix } from '../support/accounts';

export const DEMO_MAP_SLUG = 'plaza-mayor-redesign';

export type MapView = 'network' | 'grid' | 'table';

const TAB_NAMES: Record<MapView, string> = { network: 'Network', grid: 'Power and interest', table: 'Summary table' };

/** The summary table's data cells after the row header, in the order the page renders them. */
const TABLE_COLUMNS = ['category', 'levelSector', 'lfaRole', 'sscRole', 'power', 'interest', 'relations'] as const;
type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface StakeholderChoices {
  name?: string;
  /** Labels as the form shows them, e.g. 'NGO'. */
  category?: string;
  power?: number;
  interest?: number;
  /** Staff only: the form has no such field for anyone else. */
  contact?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Creates an Active initiative (so residents and invited organizations see it) through
 * /initiatives/new, as staff do; `page` must be signed in as staff. Returns its slug.
 */
export async function createActiveInitiative(page: Page, title = `Stakeholder map test ${uniqueSuffix()}`): Promise<{ slug: string; title: string }> {
  await page.goto('/initiatives/new');
  const main = page.getByRole('main');
  const create = main.getByRole('button', { name: 'Create initiative' });
  await expectHydrated(create);
  await main.getByLabel('Title', { exact: true }).fill(title);
  await main.getByLabel('Summary').fill('A map of who the initiative concerns, made by an end-to-end test.');
  await main.getByLabel('Responsible municipal unit').fill('Department of Urban Planning');
  await main.getByLabel('Status').selectOption({ label: 'Active' });
  await create.click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(title);
  const slug = new URL(page.url()).pathname.split('/').pop()!;
  return { slug, title };
}

/** What the collaboration server answered to a raw websocket: the first two bytes of each message. */
export type RawAnswers = number[][];

export class StakeholderMapPage {
  readonly workspace: Locator;
  readonly connectionStatus: Locator;
  readonly presence: Locator;
  readonly addButton: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly editor: Locator;
  readonly saveButton: Locator;
  readonly deleteButton: Locator;
  readonly table: Locator;
  readonly grid: Locator;
  readonly network: Locator;
  readonly invitations: Locator;
  readonly organizationToInvite: Locator;
  readonly inviteButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.workspace = main.getByTestId('map-workspace');
    this.connectionStatus = main.getByTestId('connection-status');
    this.presence = main.getByTestId('presence');
    this.addButton = main.getByRole('button', { name: 'Add stakeholder', exact: true });
    this.undoButton = main.getByRole('button', { name: 'Undo my last change' });
    this.redoButton = main.getByRole('button', { name: 'Redo', exact: true });
    this.editor = main.getByTestId('stakeholder-editor');
    this.saveButton = this.editor.getByRole('button', { name: 'Save', exact: true });
    this.deleteButton = this.editor.getByRole('button', { name: 'Delete stakeholder' });
    this.table = main.getByTestId('stakeholder-table');
    this.grid = main.getByTestId('power-interest-grid');
    this.network = main.getByTestId('stakeholder-network');
    this.invitations = main.getByRole('region', { name: 'Who may edit' });
    this.organizationToInvite = this.invitations.getByLabel('Organization to invite');
    this.inviteButton = this.invitations.getByRole('button', { name: 'Invite', exact: true });
  }

  static path(slug: string, view?: MapView): string {
    return `/initiatives/${slug}/stakeholder-map${view ? `?view=${view}` : ''}`;
  }

  /** Opens the map and waits until it is live: hydrated and connected to the others. */
  async goto(slug: string, view?: MapView): Promise<void> {
    await this.page.goto(StakeholderMapPage.path(slug, view));
    await this.expectLive();
  }

  async expectLive(): Promise<void> {
    await expect(this.connectionStatus).toHaveText('Live');
  }

  tab(view: MapView): Locator {
    return this.page.getByRole('navigation', { name: 'Views of the map' }).getByRole('link', { name: TAB_NAMES[view], exact: true });
  }

  async showView(view: MapView): Promise<void> {
    await this.tab(view).click();
    await expect(this.tab(view)).toHaveAttribute('aria-current', 'page');
  }

  /** The initiative's id, as the workspace carries it. */
  async initiativeId(): Promise<string> {
    const id = await this.workspace.getAttribute('data-initiative');
    expect(id, 'the workspace names its initiative').toMatch(/^[0-9a-f-]{36}$/);
    return id!;
  }

  // The summary table.

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  cell(name: string, column: TableColumn): Locator {
    return this.row(name).getByRole('cell').nth(TABLE_COLUMNS.indexOf(column));
  }

  editButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Edit ${name}`, exact: true });
  }

  detailsButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Details of ${name}`, exact: true });
  }

  // The power/interest grid.

  gridCard(name: string): Locator {
    return this.grid.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}: power \\d`) });
  }

  gridCell(power: number, interest: number): Locator {
    return this.grid.locator(`[data-cell="${power}:${interest}"]`);
  }

  // The network.

  networkNode(name: string): Locator {
    return this.network.locator('.react-flow__node').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  networkHandle(name: string, type: 'source' | 'target'): Locator {
    return this.networkNode(name).locator(`.react-flow__handle.${type}`);
  }

  get networkEdges(): Locator {
    return this.network.locator('.react-flow__edge');
  }

  // The side panel.

  field(label: string): Locator {
    return this.editor.getByLabel(label, { exact: true });
  }

  editorHeading(text: string): Locator {
    return this.editor.getByRole('heading', { name: text, exact: true });
  }

  /** A line of the read-only details ("Power", "Interest", …) the side panel shows viewers. */
  detail(term: string): Locator {
    return this.editor.getByRole('term').filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** Adds a stakeholder through the toolbar's form, as a person with the mouse would. */
  async addStakeholder(choices: StakeholderChoices & { name: string }): Promise<void> {
    const { name } = choices;
    await this.addButton.click();
    await expect(this.editorHeading('New stakeholder')).toBeVisible();
    await this.fillForm(choices);
    await this.saveButton.click();
    // Once saved, the panel shows the new stakeholder for editing.
    await expect(this.editorHeading(`Edit ${name}`)).toBeVisible();
  }

  /** Opens a stakeholder from the summary table (which must be shown) and saves changes to it. */
  async changeStakeholder(name: string, changes: StakeholderChoices): Promise<void> {
    await this.editButton(name).click();
    await expect(this.editorHeading(`Edit ${name}`)).toBeVisible();
    await this.fillForm(changes);
    await this.saveButton.click();
    await expect(this.editor.getByRole('status')).toHaveText('Saved.');
  }

  private async fillForm({ name, category, power, interest, contact }: StakeholderChoices): Promise<void> {
    if (name !== undefined) await this.field('Name').fill(name);
    if (category !== undefined) await this.field('Category').selectOption({ label: category });
    if (power !== undefined) await this.field('Power').selectOption(String(power));
    if (interest !== undefined) await this.field('Interest').selectOption(String(interest));
    if (contact !== undefined) await this.field('Contact details').fill(contact);
  }

  /** Staff invite a verified organization to edit the map. */
  async inviteOrganization(name: string): Promise<void> {
    await expectHydrated(this.inviteButton);
    await this.organizationToInvite.selectOption({ label: name });
    await this.inviteButton.click();
    await expect(this.invitations.getByTestId('map-invitations')).toContainText(name);
  }

  /**
   * Sends one Yjs update over a websocket of its own, with a token the page's session is
   * given, as a script on the page could, bypassing the map's read-only screen. Returns
   * the access the token grants and the first bytes of what the server answered:
   * [2, 0] is the y-websocket auth message "permission denied".
   */
  async sendRawUpdate(update: Uint8Array): Promise<{ access: string; answers: RawAnswers }> {
    const doc = `initiative/${await this.initiativeId()}/stakeholder-map`;
    const response = await this.page.request.get(`/api/collab/token?doc=${encodeURIComponent(doc)}`);
    expect(response.status(), 'a collaboration token for the map').toBe(200);
    const { token, url, access } = (await response.json()) as { token: string; url: string; access: string };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    encoding.writeVarUint(encoder, 2); // update
    encoding.writeVarUint8Array(encoder, update);
    const message = Array.from(encoding.toUint8Array(encoder));
    const answers = await this.page.evaluate(
      ({ url, token, doc, message }) =>
        new Promise<number[][]>((resolve, reject) => {
          // The browser's own WebSocket, so the page's Origin is sent.
          const socket = new window.WebSocket(`${url}/${doc}?token=${encodeURIComponent(token)}`);
          socket.binaryType = 'arraybuffer';
          const received: number[][] = [];
          const finish = () => {
            clearTimeout(timer);
            socket.close();
            resolve(received);
          };
          const timer = setTimeout(finish, 5000);
          socket.onopen = () => socket.send(new Uint8Array(message));
          socket.onmessage = (event) => {
            received.push(Array.from(new Uint8Array(event.data as ArrayBuffer).slice(0, 2)));
            if (received.some(([type]) => type === 2)) finish();
          };
          socket.onclose = (event) => {
            clearTimeout(timer);
            if (received.length === 0) reject(new Error(`closed with ${event.code} before any message`));
            else resolve(received);
          };
        }),
      { url, token, doc, message },
    );
    return { access, answers };
  }
}
