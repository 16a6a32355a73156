import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PersonalData } from '@/lib/accounts/personal-data';
import { PERSONAL_DATA_FILES, personalDataArchive, personalDataPage } from '@/lib/accounts/personal-data-archive';
import { plainTextBlocks } from '@/lib/accounts/plain-text-blocks';

const data: PersonalData = {
  exportedAt: '2026-12-08T10:00:00.000Z',
  account: {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Rosa <b>Vidal</b>',
    pseudonym: null,
    email: 'rosa@example.org',
    emailVerifiedAt: null,
    role: 'resident',
    locale: 'en',
    emailDelivery: 'immediate',
    createdAt: '2026-01-01T00:00:00.000Z',
    signsInWithPassword: true,
  },
  agreements: [],
  sessions: [],
  identityProviderAccounts: [],
  organizations: [],
  inputs: [
    {
      consultation: 'Plaza "Mayor" & more',
      number: 7,
      isReply: false,
      inReplyTo: null,
      kind: 'proposal',
      title: 'Trees',
      text: '<script>alert(1)</script>\nTwo lines',
      status: 'published',
      onBehalfOf: null,
      channel: 'online',
      createdAt: '2026-02-01T00:00:00.000Z',
    },
  ],
  supports: [],
  reports: [],
  notifications: [],
  grievances: [],
  mapEdits: [],
};

describe('the personal-data download', () => {
  const labels = (key: string) => `[${key}]`;

  it('writes what people typed as text, never as markup', () => {
    const page = personalDataPage(data, labels, 'en');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('Rosa &#60;b&#62;Vidal&#60;/b&#62;');
    expect(page).toContain('Plaza &#34;Mayor&#34; &#38; more');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('[section.supports] (0)');
    expect(page).toContain('[none]');
  });

  it('holds the JSON and the page in one ZIP file', () => {
    const files = unzipSync(personalDataArchive(data, labels, 'en'));
    expect(JSON.parse(strFromU8(files[PERSONAL_DATA_FILES.json]!))).toEqual(data);
    expect(strFromU8(files[PERSONAL_DATA_FILES.html]!)).toBe(personalDataPage(data, labels, 'en'));
  });
});

describe('the privacy notice and terms as plain text', () => {
  it('reads headings and paragraphs, and nothing else', () => {
    expect(plainTextBlocks('## Who\nThe city.\n\nSecond <b>paragraph</b>\nstill it.\r\n\r\n\n## Rights')).toEqual([
      { kind: 'heading', text: 'Who' },
      { kind: 'paragraph', text: 'The city.' },
      { kind: 'paragraph', text: 'Second <b>paragraph</b>\nstill it.' },
      { kind: 'heading', text: 'Rights' },
    ]);
    expect(plainTextBlocks('   \n\n  ')).toEqual([]);
  });
});
