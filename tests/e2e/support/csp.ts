import { expect, type Page } from '@playwright/test';

/**
 * Collects every Content-Security-Policy violation a page meets: the browser's own
 * console report ("Refused to execute inline script because it violates ...") and the
 * `securitypolicyviolation` events, which a listener installed before any page script
 * (Playwright's init scripts are not subject to the page's policy) logs to the console.
 */
export async function watchForCspViolations(page: Page): Promise<{ expectNone: (where: string) => void }> {
  const violations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|csp violation/i.test(text)) violations.push(text);
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|unsafe-eval/i.test(error.message)) violations.push(error.message);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`csp violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return {
    expectNone(where: string) {
      expect(violations, `CSP violations on ${where}`).toEqual([]);
    },
  };
}
