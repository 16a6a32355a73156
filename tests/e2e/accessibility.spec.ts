// Pages checked with axe: no serious or critical violations. Each check first makes
// sure the page shows what it should, so axe looks at the real content.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SignUpPage } from './pages/sign-up-page';
import { DEMO, freshAccountDetails } from './support/accounts';
import { expectNoSeriousAccessibilityViolations } from './support/axe';

interface PageCheck {
  name: string;
  as?: keyof typeof DEMO;
  visit: (page: Page) => Promise<void>;
}

const heading = (page: Page, name: string) => page.getByRole('main').getByRole('heading', { level: 1, name });

const CHECKS: PageCheck[] = [
  {
    name: 'home page',
    visit: async (page) => {
      await page.goto('/');
      await expect(heading(page, 'Shape the projects that change your city')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Plaza Mayor redesign' })).toBeVisible();
    },
  },
  {
    name: 'home page, signed in as staff',
    as: 'moderator',
    visit: async (page) => {
      await page.goto('/');
      await expect(page.getByTestId('signed-in-user')).toContainText(DEMO.moderator.name);
      await expect(page.getByRole('link', { name: 'New initiative' })).toBeVisible();
    },
  },
  {
    name: 'sign-in page',
    visit: async (page) => {
      await page.goto('/signin');
      await expect(heading(page, 'Sign in')).toBeVisible();
    },
  },
  {
    name: 'sign-up page',
    visit: async (page) => {
      await page.goto('/signup');
      await expect(heading(page, 'Create an account')).toBeVisible();
    },
  },
  {
    name: 'forgotten password page',
    visit: async (page) => {
      await page.goto('/forgot-password');
      await expect(heading(page, 'Forgot your password?')).toBeVisible();
    },
  },
  {
    name: 'privacy notice',
    visit: async (page) => {
      await page.goto('/privacy');
      await expect(heading(page, 'Privacy notice')).toBeVisible();
      await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'What is public' })).toBeVisible();
    },
  },
  {
    name: 'account page',
    as: 'resident',
    visit: async (page) => {
      await page.goto('/account');
      await expect(heading(page, 'Your account')).toBeVisible();
      await expect(page.getByRole('main').getByRole('button', { name: 'Change password' })).toBeVisible();
    },
  },
  {
    name: 'account deletion page',
    as: 'resident',
    visit: async (page) => {
      await page.goto('/account/delete');
      await expect(heading(page, 'Delete your account')).toBeVisible();
    },
  },
  {
    name: 'privacy and terms administration',
    as: 'admin',
    visit: async (page) => {
      await page.goto('/admin/legal');
      await expect(heading(page, 'Privacy notice and terms')).toBeVisible();
    },
  },
  {
    name: 'audit log',
    as: 'admin',
    visit: async (page) => {
      await page.goto('/admin/audit');
      await expect(heading(page, 'Audit log')).toBeVisible();
    },
  },
  {
    name: 'sign-up page with errors shown',
    visit: async (page) => {
      const signUpPage = new SignUpPage(page);
      await signUpPage.goto();
      await signUpPage.submit({ name: '', email: 'not-an-e-mail', password: 'short' });
      await expect(signUpPage.fieldError('email')).toBeVisible();
      await expect(signUpPage.fieldError('password')).toBeVisible();
      await expect(signUpPage.formAlert).toBeVisible();
    },
  },
  {
    name: 'initiative page',
    visit: async (page) => {
      await page.goto('/initiatives/plaza-mayor-redesign');
      await expect(heading(page, 'Plaza Mayor redesign')).toBeVisible();
      await expect(page.getByText('Department of Urban Planning and Public Space')).toBeVisible();
    },
  },
  {
    name: 'new initiative form',
    as: 'moderator',
    visit: async (page) => {
      await page.goto('/initiatives/new');
      await expect(heading(page, 'New initiative')).toBeVisible();
    },
  },
  {
    name: 'organizations directory',
    visit: async (page) => {
      await page.goto('/organizations');
      await expect(heading(page, 'Organizations')).toBeVisible();
      // Only verified organizations are listed publicly.
      await expect(page.getByRole('heading', { name: 'Green Streets Alliance' })).toBeVisible();
      await expect(page.getByText('Riverside Neighbours Association')).toHaveCount(0);
    },
  },
  {
    name: 'user administration',
    as: 'admin',
    visit: async (page) => {
      await page.goto('/admin/users');
      await expect(heading(page, 'Users')).toBeVisible();
      await expect(page.getByTestId(`user-row-${DEMO.resident.email}`)).toBeVisible();
    },
  },
  {
    name: 'organization administration',
    as: 'admin',
    visit: async (page) => {
      await page.goto('/admin/organizations');
      await expect(heading(page, 'Organizations')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Riverside Neighbours Association' })).toBeVisible();
    },
  },
  {
    name: '"please sign in" page',
    visit: async (page) => {
      await page.goto('/admin/users');
      await expect(heading(page, 'Please sign in')).toBeVisible();
    },
  },
  {
    name: '"not allowed" page',
    as: 'resident',
    visit: async (page) => {
      await page.goto('/admin/users');
      await expect(heading(page, 'Not allowed')).toBeVisible();
    },
  },
  {
    name: '"page not found" page',
    visit: async (page) => {
      await page.goto('/initiatives/no-such-initiative');
      await expect(heading(page, 'Page not found')).toBeVisible();
    },
  },
];

for (const check of CHECKS) {
  test(`${check.name} has no serious accessibility violations`, async ({ page, signIn }) => {
    if (check.as) await signIn(page, DEMO[check.as]);
    await check.visit(page);
    await expectNoSeriousAccessibilityViolations(page);
  });
}

test('the skip link is the first stop for the keyboard and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('fields with an error are announced with their message', async ({ signUpPage }) => {
  const details = freshAccountDetails();
  await signUpPage.goto();
  await signUpPage.submit({ name: details.name, email: details.email, password: 'short' });
  await expect(signUpPage.password).toHaveAccessibleDescription(/The password must have at least 8 characters\./);
  await expect(signUpPage.password).toHaveAccessibleDescription(/At least 8 characters; spaces are welcome\. Common passwords, your e-mail and your name are refused\./);
});
