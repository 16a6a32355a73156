// Who may sign up as what: no common password, not the e-mail or the name as password,
// no invisible characters in a name, and nobody but staff with a staff member's name.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { registerUser } from '@/lib/accounts/register-user';
import { signUp } from '@/lib/accounts/sign-up';
import { createActor, uniqueEmail } from './support/actors';
import { testBackends, useSuiteDatabase } from './support/databases';

const PASSWORD = 'lantern orbit maple';
/** This suite's database has no privacy notice or terms published, so there is nothing to agree to. */
const NO_TEXTS_PUBLISHED = { privacy_notice: 0, terms: 0 };

describe.each(testBackends)('account rules on $name', (backend) => {
  const handle = useSuiteDatabase(backend);
  let addressCounter = 0;
  // A new address for each sign-up, so the sign-up rate limit never answers instead.
  const address = () => `2001:db8:ac::${(addressCounter += 1).toString(16)}`;
  const signUpResident = (details: { name: string; email: string; password: string }) =>
    signUp(handle.db, { ...details, agreed: NO_TEXTS_PUBLISHED, sendConfirmation: false, locale: 'en', address: address() }).then(({ user }) => user);
  const accountWith = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0];

  it('refuses a common password at sign-up, naming the reason, and creates nothing', async () => {
    for (const password of ['password12', '1234567890', 'Qwertyuiop']) {
      const email = uniqueEmail('common');
      await expect(signUpResident({ name: 'Rosa Common', email, password })).rejects.toMatchObject({
        code: 'bad_request',
        fieldErrors: { password: 'passwordCommon' },
      });
      expect(await accountWith(email)).toBeUndefined();
    }
  });

  it('refuses the e-mail or the name as the password', async () => {
    const email = uniqueEmail('self');
    await expect(signUpResident({ name: 'Rosa Self', email, password: email.toUpperCase() })).rejects.toMatchObject({
      fieldErrors: { password: 'passwordIsEmail' },
    });
    await expect(signUpResident({ name: 'Rosa Selfish', email, password: 'rosa selfish' })).rejects.toMatchObject({
      fieldErrors: { password: 'passwordIsName' },
    });
    expect(await accountWith(email)).toBeUndefined();
  });

  it('refuses a staff member’s name at sign-up, also in other case or with look-alike letters, and creates nothing', async () => {
    await createActor(handle.db, 'admin', 'Ada Admin');
    await createActor(handle.db, 'grievance_officer', 'Greta Grievance');
    for (const name of ['Ada Admin', 'ada  ADMIN', 'Ada\u200B Admin', '\u0410d\u0430 Admin', 'Greta Grievance']) {
      const email = uniqueEmail('impostor');
      await expect(signUpResident({ name, email, password: PASSWORD })).rejects.toMatchObject({
        code: 'bad_request',
        fieldErrors: { name: 'nameOfStaffMember' },
      });
      expect(await accountWith(email)).toBeUndefined();
    }
    await expect(signUpResident({ name: 'Ada Adams', email: uniqueEmail('ada'), password: PASSWORD })).resolves.toMatchObject({
      name: 'Ada Adams',
      role: 'resident',
    });
  });

  it('lets a resident keep a name a staff member does not have, and staff share a name with a colleague', async () => {
    await createActor(handle.db, 'moderator', 'Marta Moderator');
    await expect(createActor(handle.db, 'admin', 'Marta Moderator')).resolves.toMatchObject({ role: 'admin' });
    await expect(registerUser(handle.db, { name: 'Marta Resident', email: uniqueEmail(), password: PASSWORD })).resolves.toMatchObject({
      name: 'Marta Resident',
    });
  });

  it('stores the name cleaned of bidi, zero-width and control characters, and refuses one with nothing visible', async () => {
    const email = uniqueEmail('bidi');
    const user = await signUpResident({ name: ' Rosa\u202E \u200Bairot\u202C\u2066  López\u0085', email, password: PASSWORD });
    expect(user.name).toBe('Rosa airot López');
    expect((await accountWith(email))?.name).toBe('Rosa airot López');

    await expect(signUpResident({ name: '\u200B\u202E\uFEFF', email: uniqueEmail('blank'), password: PASSWORD })).rejects.toMatchObject({
      fieldErrors: { name: 'nameInvisible' },
    });
  });

  it('keeps the passwords the other tests sign up with working', async () => {
    for (const password of ['correct horse battery', 'a long enough password', 'benchmark password', 'benchmark password 1234']) {
      await expect(registerUser(handle.db, { name: 'Compatible', email: uniqueEmail('compat'), password })).resolves.toMatchObject({
        role: 'resident',
      });
    }
  });
});
