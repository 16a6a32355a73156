// What the site's mail server received during the run: the mail catcher started by
// playwright.config.ts answers over HTTP (tests/support/mail-catcher.ts).
import { expect } from '@playwright/test';
import type { CaughtMail } from '../../support/mail-catcher';

export { linkIn } from '../../support/mail-catcher';

function mailboxUrl(): string {
  const url = process.env.E2E_MAILBOX_URL;
  if (!url) throw new Error('E2E_MAILBOX_URL is not set: run the specs through playwright.config.ts');
  return url;
}

/** The newest mail to `to` whose subject matches, waiting for it to arrive. */
export async function waitForMail(to: string, subject: string | RegExp, { timeout = 15_000 }: { timeout?: number } = {}): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailboxUrl()}/messages?${new URLSearchParams({ to }).toString()}`);
        const messages = (await response.json()) as CaughtMail[];
        found = messages.reverse().find((mail) => (typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject)));
        return found !== undefined;
      },
      { timeout, message: `an e-mail to ${to} about "${String(subject)}"` },
    )
    .toBe(true);
  return found!;
}

/** Every mail `to` received so far. */
export async function mailsTo(to: string): Promise<CaughtMail[]> {
  const response = await fetch(`${mailboxUrl()}/messages?${new URLSearchParams({ to }).toString()}`);
  return (await response.json()) as CaughtMail[];
}
