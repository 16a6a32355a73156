// The account page and the privacy notice and terms, with JavaScript: a pseudonym
// replaces the name on contributions; someone who has not agreed to the current texts
// agrees before taking part.
import { expect, test } from './fixtures';
import { ConsultationPage, DEMO_CONSULTATIONS } from './pages/consultation-page';
import { signInThroughIdentityProvider } from './pages/identity-provider';
import { SiteHeader } from './pages/site-header';
import { uniqueSuffix } from './support/accounts';
import { expectHydrated } from './support/hydration';

test('a pseudonym chosen on the account page is what others see on the person’s input', async ({ page, signIn, newAccount, openVisitorPage }) => {
  await signIn(page, newAccount);
  await page.goto('/account');
  const main = page.getByRole('main');
  const pseudonym = `Lantern ${uniqueSuffix()}`;
  const shownForm = main.getByRole('region', { name: 'How others see you' });
  await expectHydrated(shownForm.getByRole('button', { name: 'Save' }));
  await shownForm.getByLabel('Pseudonym (optional)').fill(pseudonym);
  await shownForm.getByRole('button', { name: 'Save' }).click();
  await expect(shownForm.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(main.getByText(`Your contributions are shown with your pseudonym, ${pseudonym}.`)).toBeVisible();

  const consultation = new ConsultationPage(page);
  await consultation.goto(await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open));
  await consultation.expectFormReady();
  const title = `Shaded benches ${uniqueSuffix()}`;
  await consultation.submitInput({ title, body: 'Benches under the trees, please.' });
  await consultation.confirmedNumber();

  const visitor = new ConsultationPage(await openVisitorPage());
  await visitor.goto(new URL(page.url()).pathname);
  await expect(visitor.input(title)).toContainText(pseudonym);
  await expect(visitor.input(title)).not.toContainText(newAccount.name);
});

test('someone who has not agreed to the current privacy notice and terms agrees before giving input', async ({ page }) => {
  // An account made at a first sign-in through the identity provider has agreed to nothing yet,
  // as everyone has not after an administrator publishes a new version (tests/integration/account-lifecycle.test.ts).
  await signInThroughIdentityProvider(page, `paula-${uniqueSuffix()}`);
  await expect(new SiteHeader(page).signedInName).toHaveText('Paula', { timeout: 20_000 });
  const consultationPath = await ConsultationPage.demoConsultationPath(page, DEMO_CONSULTATIONS.open);
  const consultation = new ConsultationPage(page);
  await consultation.goto(consultationPath);
  const steps = page.getByRole('region', { name: 'Before you take part' });
  await expect(steps).toContainText('The privacy notice or the terms have changed');
  await expect(consultation.inputForm).toBeHidden();
  await expect(consultation.notOpenNote).toContainText('please finish the steps at the top of the page first');

  await steps.getByRole('link', { name: 'Review and agree' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Terms of use', exact: true })).toBeVisible();
  await expectHydrated(main.getByRole('button', { name: 'I agree' }));
  // Agreeing needs the box ticked.
  await main.getByRole('button', { name: 'I agree' }).click();
  await expect(main.locator('[id="acceptTerms-error"]')).toBeVisible();
  await main.getByRole('checkbox', { name: /I agree to the terms of use/ }).check();
  await main.getByRole('button', { name: 'I agree' }).click();
  await expect(main.getByRole('status')).toHaveText('Thank you. You agreed to the current privacy notice and terms.');
  await expect(steps).toBeHidden();
  await expect(main.getByRole('region', { name: 'What you agreed to' })).toContainText('Terms of use · version');

  await consultation.goto(consultationPath);
  await consultation.expectFormReady();
});
