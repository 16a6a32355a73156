// Input no page expects still gets a clear answer from the right family of status
// codes — never a server error.
import { expect, test } from './fixtures';

test('a malformed address gets a plain explanation instead of a server error', async ({ request }) => {
  const response = await request.get('/initiatives/%E0%A4%A');
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('This address is not valid');
});

test('an unknown or impossible initiative address shows the not-found page', async ({ page }) => {
  for (const address of ['/initiatives/no-such-initiative', '/initiatives/%00', `/initiatives/${'x'.repeat(5000)}`]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('a real form action called with a body that is not a form is answered without a server error', async ({ page, request }) => {
  await page.goto('/signup');
  // React renders the action's id into the form for use without JavaScript.
  const encoded = await page.locator('input[name="$ACTION_1:0"]').getAttribute('value');
  const actionId = (JSON.parse(encoded ?? '{}') as { id?: string }).id;
  expect(actionId, 'the sign-up form carries its action id').toBeTruthy();

  const response = await request.post('/signup', {
    headers: { 'Next-Action': actionId!, Origin: 'http://localhost:3210', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[{},1]',
  });
  expect(response.status()).toBeLessThan(500);
});

test('a name with an invisible control character gets a message next to the field', async ({ signUpPage }) => {
  await signUpPage.goto();
  await signUpPage.submit({ name: 'Rosa\u0007', email: `control-${Date.now()}@example.org`, password: 'a perfectly long password' });
  await expect(signUpPage.fieldError('name')).toHaveText(
    'This text contains invisible control characters. Please remove them or type the text again.',
  );
});
