import { expect, type Locator } from '@playwright/test';

/**
 * Waits until React has hydrated an element. The forms work without JavaScript too,
 * but differently (a full-page post instead of signing in straight away); a test that
 * types before hydration would exercise whichever path wins the race.
 */
export async function expectHydrated(element: Locator): Promise<void> {
  await expect
    .poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith('__reactProps$'))), {
      message: 'waiting for React to hydrate the page',
    })
    .toBe(true);
}
