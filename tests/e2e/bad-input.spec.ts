// Input no page expects still gets a clear answer from the right family of status
// codes — never a server error.
import { expect, test } from './fixtures';

test('a malformed address gets a plain explanation instead of a server error', async ({ request }) => {
  const response = await request.get('/initiatives/%E0%A4%A');
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('This address is not valid');
});

test('an unknown initiative shows the not-found page', async ({ page }) => {
  const response = await page.goto('/initiatives/no-such-initiative');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('forged or garbled form posts are refused without a server error', async ({ request }) => {
  const unknownAction = await request.post('/signup', {
    headers: { 'Next-Action': '00deadbeef', Origin: 'http://localhost:3210' },
    form: { name: 'x' },
  });
  expect(unknownAction.status()).toBeLessThan(500);

  const garbledCredentials = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken: 'forged', email: 'x'.repeat(5000), password: '' },
  });
  expect(garbledCredentials.status()).toBeLessThan(500);
});
