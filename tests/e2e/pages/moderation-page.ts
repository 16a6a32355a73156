import { expect, type Locator, type Page } from '@playwright/test';
import { expectHydrated } from '../support/hydration';

export type HideReasonName =
  | 'Offensive or abusive'
  | 'Personal data of someone'
  | 'Spam or advertising'
  | 'Not about this consultation'
  | 'Unlawful content'
  | 'Duplicate'
  | 'Other';

/** /moderation: input waiting for review, reported input, and input hidden lately. */
export class ModerationPage {
  readonly heading: Locator;
  readonly pending: Locator;
  readonly reported: Locator;
  readonly recentlyHidden: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Moderation' });
    this.pending = main.getByRole('region', { name: /^Waiting for review/ });
    this.reported = main.getByRole('region', { name: /^Reported/ });
    this.recentlyHidden = main.getByRole('region', { name: /^Recently hidden/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/moderation');
    await expect(this.heading).toBeVisible();
  }

  /** An input in one section of the queue, by its title. */
  item(section: Locator, title: string): Locator {
    return section.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async publish(title: string): Promise<void> {
    const item = this.item(this.pending, title);
    const button = item.getByRole('button', { name: 'Publish', exact: true });
    await expectHydrated(button);
    await button.click();
    // The page refreshes once the decision is stored: the input leaves the queue.
    await expect(item).toHaveCount(0);
  }

  /** Hides an input waiting for review or reported, with a reason and an explanation. */
  async hide(section: Locator, title: string, { reason, note }: { reason: HideReasonName; note: string }): Promise<void> {
    const item = this.item(section, title);
    const reasonField = item.getByLabel('Reason', { exact: true });
    await expectHydrated(reasonField);
    await reasonField.selectOption({ label: reason });
    await item.getByLabel('Explanation for the author and the public log').fill(note);
    await item.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect(this.item(this.recentlyHidden, title)).toBeVisible();
    await expect(item).toHaveCount(0);
  }

  /** Keeps a reported input published and closes its reports. */
  async dismissReports(title: string): Promise<void> {
    const item = this.item(this.reported, title);
    const button = item.getByRole('button', { name: 'Keep it published and close the reports' });
    await expectHydrated(button);
    await button.click();
    await expect(item).toHaveCount(0);
  }
}

/** /notifications: the signed-in person's notifications, newest first. */
export class NotificationsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly markAllReadButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'Notifications' });
    this.list = main.getByRole('list');
    this.markAllReadButton = main.getByRole('button', { name: 'Mark all as read' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/notifications');
    await expect(this.heading).toBeVisible();
  }

  /** A notification whose text mentions the input's number and the consultation. */
  about(number: number, consultationTitle: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: `#${number} in “${consultationTitle}”` });
  }
}

/** The "Notifications" link in the header; its name includes the unread count, if any. */
export function notificationsLink(page: Page): Locator {
  return page.getByRole('banner').getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });
}

/** The unread count next to "Notifications" in the header; absent when nothing is unread. */
export function unreadCount(page: Page): Locator {
  return notificationsLink(page).getByTestId('unread-count');
}
