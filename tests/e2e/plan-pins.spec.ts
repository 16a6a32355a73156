// A consultation with a plan image: a resident marks the place their input is about,
// and everyone sees the point on the plan, linked to the input.
import { deflateSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { ConsultationPage } from './pages/consultation-page';
import { ManageConsultationPage, NewConsultationPage } from './pages/manage-consultation-page';
import { DEMO, uniqueSuffix } from './support/accounts';
import { expectHydrated } from './support/hydration';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A plain grey PNG of the given size, big enough to click on. */
function planPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(width, 200)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

test('a resident pins input to a point on the plan, and the plan shows it linked to the input', async ({ page, browser, newAccount, signIn, openPageAs }) => {
  test.slow();
  await signIn(page, DEMO.moderator);
  const title = `Plan consultation ${uniqueSuffix()}`;
  const newConsultation = new NewConsultationPage(page);
  await newConsultation.goto();
  await newConsultation.create({ title, informationDays: 0, shortInformationReason: 'An end-to-end test needs the consultation open at once.' });

  const manage = new ManageConsultationPage(page);
  await expectHydrated(manage.uploadForm);
  await manage.uploadForm.getByLabel('Title', { exact: true }).fill('Plan of the square');
  await manage.uploadForm.getByLabel('File', { exact: true }).setInputFiles({ name: 'plan.png', mimeType: 'image/png', buffer: planPng(400, 200) });
  await manage.uploadForm.getByLabel('This is the plan image').check();
  await manage.uploadForm.getByRole('button', { name: 'Upload document' }).click();
  await expect(manage.uploadForm.getByRole('status')).toHaveText('The document was added.');
  await manage.moveTo('Publish the information', 'Information');
  await manage.moveTo('Open for input', 'Open for input');
  const consultationPath = manage.consultationPath;

  const residentPage = await openPageAs(newAccount);
  const consultation = new ConsultationPage(residentPage);
  await consultation.goto(consultationPath);
  const plan = consultation.inputForm.getByRole('button', { name: 'Plan: no point chosen' });
  await expectHydrated(plan);
  // A quarter across, three quarters down.
  await plan.click({ position: { x: 100, y: 150 } });
  await expect(consultation.inputForm.getByRole('button', { name: 'Plan: point chosen at 25% across and 75% down' })).toBeVisible();
  const inputTitle = `Crossing at the corner ${uniqueSuffix()}`;
  await consultation.submitInput({ kind: 'Proposal', title: inputTitle, body: 'A zebra crossing at this corner would make the way to school safer.' });
  const number = await consultation.confirmedNumber();

  // Anyone reading the consultation sees the point, and it leads to the input.
  const visitor = await browser.newPage();
  await visitor.goto(consultationPath);
  const marker = visitor.getByRole('figure').getByRole('link', { name: `Input #${number}` });
  await expect(marker).toBeVisible();
  await expect(visitor.getByRole('listitem').filter({ hasText: inputTitle })).toContainText('Pinned on the plan at 25% across, 75% down');
  await marker.click();
  await expect(visitor).toHaveURL(new RegExp(`#input-${number}$`));
  await visitor.close();
});
