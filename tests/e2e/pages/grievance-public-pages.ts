import { expect, type Locator, type Page } from '@playwright/test';

/** The demo channels seeded by db/seed-grievances.ts, as the pages name them. */
export const DEMO_CHANNELS = {
  /**
   * Tests file their cases here. Its statistics change with every test that files,
   * so tests check figures on the Plaza Mayor channel instead.
   */
  cityWide: 'City-wide grievances',
  /**
   * Five demo cases on fixed dates in 2026 and nothing else (no test files here), so its
   * statistics stay: received 5, acknowledged on time 4 of 5, answered on time 3 of 5,
   * 3 closed on average 29.3 days after receipt.
   */
  plazaMayor: 'Plaza Mayor redesign: grievances',
} as const;

/** /grievances: what the mechanism is, and a card per channel with its links. */
export class GrievancesHomePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly channels: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Grievances' });
    this.channels = this.main.getByRole('region', { name: 'Where to file' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/grievances');
    await expect(this.heading).toBeVisible();
  }

  fileLink(channel: string): Locator {
    return this.channels.getByRole('link', { name: `File a grievance: ${channel}`, exact: true });
  }

  procedureLink(channel: string): Locator {
    return this.channels.getByRole('link', { name: `Procedure and deadlines: ${channel}`, exact: true });
  }

  statisticsLink(channel: string): Locator {
    return this.channels.getByRole('link', { name: `Statistics: ${channel}`, exact: true });
  }

  /** A channel's address (/grievances/channels/<id>), read from its procedure link. */
  static async channelPath(page: Page, channel: string): Promise<string> {
    const home = new GrievancesHomePage(page);
    await home.goto();
    const href = await home.procedureLink(channel).getAttribute('href');
    expect(href, `link to the channel "${channel}"`).toMatch(/^\/grievances\/channels\/[0-9a-f-]{36}$/);
    return href!;
  }
}

/** /grievances/channels/<id>: the published procedure of one channel. */
export class ChannelProcedurePage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly steps: Locator;
  readonly offline: Locator;
  readonly fileButton: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.steps = this.main.getByRole('region', { name: 'The steps and their deadlines' });
    this.offline = this.main.getByRole('region', { name: 'Filing without the internet' });
    this.fileButton = this.main.getByRole('navigation', { name: 'File or follow a grievance' }).getByRole('link', { name: 'File a grievance' });
  }

  async goto(channelPath: string): Promise<void> {
    await this.page.goto(channelPath);
    await expect(this.heading).toBeVisible();
  }
}

/** /grievances/channels/<id>/statistics: the public figures, and their downloads. */
export class ChannelStatisticsPage {
  readonly main: Locator;
  readonly heading: Locator;
  readonly byCategory: Locator;
  readonly byMonth: Locator;
  readonly csvLink: Locator;
  readonly jsonLink: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.byCategory = this.main.getByRole('table', { name: 'By category' });
    this.byMonth = this.main.getByRole('table', { name: /^By month of receipt/ });
    this.csvLink = this.main.getByRole('link', { name: 'CSV (spreadsheet)' });
    this.jsonLink = this.main.getByRole('link', { name: 'JSON (for programs)' });
  }

  async goto(channelPath: string): Promise<void> {
    await this.page.goto(`${channelPath}/statistics`);
    await expect(this.heading).toBeVisible();
  }

  /** A key figure as shown ("Received" → "5"). */
  figure(term: 'Received' | 'Acknowledged on time' | 'Answered on time' | 'Average days to close'): Locator {
    return this.main.getByRole('region', { name: 'All grievances' }).getByRole('term').filter({ hasText: term }).locator('+ dd');
  }
}
