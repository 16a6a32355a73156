// Sign-up mistakes get a clear message next to the field, and what was typed (except
// the password) is kept.
import { expect, test } from './fixtures';
import { DEMO, freshAccountDetails } from './support/accounts';

const MESSAGES = {
  emailTaken: 'An account with this e-mail already exists. Sign in instead, or use another address.',
  emailInvalid: 'Please enter a valid e-mail address, like name@example.org.',
  passwordTooShort: 'The password must have at least 10 characters.',
  correctFields: 'Please correct the marked fields.',
};

test('an e-mail already in use is refused next to the e-mail field', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();
  // Addresses are compared without regard to case.
  const takenEmail = DEMO.resident.email.replace('resident', 'Resident');

  await signUpPage.goto();
  await signUpPage.submit({ name: details.name, email: takenEmail, password: details.password });

  await expect(signUpPage.fieldError('email')).toHaveText(MESSAGES.emailTaken);
  await expect(signUpPage.email).toHaveAccessibleDescription(new RegExp(escapeRegExp(MESSAGES.emailTaken)));
  await expect(signUpPage.email).toHaveAttribute('aria-invalid', 'true');
  await expect(signUpPage.formAlert).toBeVisible();
  await expect(signUpPage.name).toHaveValue(details.name);
  await expect(signUpPage.email).toHaveValue(takenEmail);
  await expect(signUpPage.password).toHaveValue('');
  await expect(header.signedInUser).toBeHidden();
});

test('a malformed e-mail is refused next to the e-mail field', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();

  await signUpPage.goto();
  await signUpPage.submit({ name: details.name, email: 'rosa.example.org', password: details.password });

  await expect(signUpPage.formAlert).toHaveText(MESSAGES.correctFields);
  await expect(signUpPage.fieldError('email')).toHaveText(MESSAGES.emailInvalid);
  await expect(signUpPage.email).toHaveAccessibleDescription(new RegExp(escapeRegExp(MESSAGES.emailInvalid)));
  await expect(signUpPage.email).toHaveAttribute('aria-invalid', 'true');
  await expect(signUpPage.fieldError('name')).toHaveCount(0);
  await expect(signUpPage.fieldError('password')).toHaveCount(0);
  await expect(signUpPage.name).toHaveValue(details.name);
  await expect(signUpPage.email).toHaveValue('rosa.example.org');
  await expect(signUpPage.password).toHaveValue('');
  await expect(header.signedInUser).toBeHidden();
});

test('a password under 10 characters is refused next to the password field, and fixing it creates the account', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();

  await signUpPage.goto();
  await signUpPage.submit({ name: details.name, email: details.email, password: 'short-pw1' });

  await expect(signUpPage.formAlert).toHaveText(MESSAGES.correctFields);
  await expect(signUpPage.fieldError('password')).toHaveText(MESSAGES.passwordTooShort);
  await expect(signUpPage.password).toHaveAccessibleDescription(new RegExp(escapeRegExp(MESSAGES.passwordTooShort)));
  await expect(signUpPage.password).toHaveAttribute('aria-invalid', 'true');
  await expect(signUpPage.fieldError('email')).toHaveCount(0);
  await expect(signUpPage.name).toHaveValue(details.name);
  await expect(signUpPage.email).toHaveValue(details.email);
  await expect(signUpPage.password).toHaveValue('');
  await expect(header.signedInUser).toBeHidden();

  // Nothing was created by the refused attempt: the same e-mail can now sign up.
  await signUpPage.submit({ password: details.password });
  await expect(header.signedInName).toHaveText(details.name);
  await expect(header.role).toHaveText('Role: Resident');
});

test('several mistakes at once are each shown next to their own field', async ({ signUpPage }) => {
  await signUpPage.goto();
  await signUpPage.submit({ name: 'Rosa', email: 'rosa@', password: '123' });

  await expect(signUpPage.fieldError('email')).toHaveText(MESSAGES.emailInvalid);
  await expect(signUpPage.fieldError('password')).toHaveText(MESSAGES.passwordTooShort);
  await expect(signUpPage.fieldError('name')).toHaveCount(0);
  await expect(signUpPage.name).toHaveValue('Rosa');
  await expect(signUpPage.email).toHaveValue('rosa@');
  await expect(signUpPage.password).toHaveValue('');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
