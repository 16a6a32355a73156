// Sign-up mistakes get a clear message next to the field, and what was typed (except
// the password) is kept. A refused password or name says why.
import { expect, test } from './fixtures';
import { DEMO, freshAccountDetails } from './support/accounts';

const MESSAGES = {
  emailTaken: 'An account with this e-mail already exists. Sign in instead, or use another address.',
  emailInvalid: 'Please enter a valid e-mail address, like name@example.org.',
  passwordTooShort: 'The password must have at least 8 characters.',
  passwordCommon:
    'This password is one of the most common ones, which attackers try first. Please choose another; a few unrelated words make a good one.',
  passwordIsEmail: 'The password must not be your e-mail address or the part before the @. Please choose another.',
  nameOfStaffMember:
    'This is the name of a staff member (a moderator, administrator or grievance officer), so another account cannot use it. Please add your surname or an initial.',
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

test('a password under 8 characters is refused next to the password field, and fixing it creates the account', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();

  await signUpPage.goto();
  await signUpPage.submit({ name: details.name, email: details.email, password: 'short-p' });

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

test('a common password is refused with the reason, and a few words of one’s own are accepted', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();

  await signUpPage.goto();
  await expect(signUpPage.password).toHaveAccessibleDescription(/Common passwords, your e-mail and your name are refused\./);
  // Ten characters passed the old rule; it is among the most used passwords.
  await signUpPage.submit({ name: details.name, email: details.email, password: 'password12' });

  await expect(signUpPage.formAlert).toHaveText(MESSAGES.correctFields);
  await expect(signUpPage.fieldError('password')).toHaveText(MESSAGES.passwordCommon);
  await expect(signUpPage.password).toHaveAccessibleDescription(new RegExp(escapeRegExp(MESSAGES.passwordCommon)));
  await expect(signUpPage.password).toHaveAttribute('aria-invalid', 'true');
  await expect(signUpPage.name).toHaveValue(details.name);
  await expect(signUpPage.email).toHaveValue(details.email);
  await expect(signUpPage.password).toHaveValue('');
  await expect(header.signedInUser).toBeHidden();

  await signUpPage.submit({ password: 'lantern orbit maple' });
  await expect(header.signedInName).toHaveText(details.name);
});

test('the e-mail address as the password is refused with the reason', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();

  await signUpPage.goto();
  await signUpPage.submit({ name: details.name, email: details.email, password: details.email.toUpperCase() });

  await expect(signUpPage.fieldError('password')).toHaveText(MESSAGES.passwordIsEmail);
  await expect(signUpPage.name).toHaveValue(details.name);
  await expect(signUpPage.email).toHaveValue(details.email);
  await expect(signUpPage.password).toHaveValue('');
  await expect(header.signedInUser).toBeHidden();
});

test('the name of a staff member is refused next to the name field, also in other case or with hidden characters', async ({ signUpPage, header }) => {
  const details = freshAccountDetails();
  // The seeded administrator is "Ada Admin"; the zero-width space is invisible on screen.
  const impostorName = 'ada\u200B ADMIN';

  await signUpPage.goto();
  await signUpPage.submit({ name: impostorName, email: details.email, password: details.password });

  await expect(signUpPage.formAlert).toHaveText(MESSAGES.correctFields);
  await expect(signUpPage.fieldError('name')).toHaveText(MESSAGES.nameOfStaffMember);
  await expect(signUpPage.name).toHaveAccessibleDescription(new RegExp(escapeRegExp(MESSAGES.nameOfStaffMember)));
  await expect(signUpPage.name).toHaveAttribute('aria-invalid', 'true');
  await expect(signUpPage.fieldError('password')).toHaveCount(0);
  await expect(signUpPage.name).toHaveValue(impostorName);
  await expect(signUpPage.email).toHaveValue(details.email);
  await expect(header.signedInUser).toBeHidden();

  await signUpPage.submit({ name: 'Ada Adams', password: details.password });
  await expect(header.signedInName).toHaveText('Ada Adams');
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
