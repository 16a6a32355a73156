// The complainant's forms as a person fills them in: every value arrives as the text of
// a form field, every refusal is a message key next to the field it concerns, and the
// follow form never says which of the two codes was wrong.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachmentProblem, isChosenFile } from '@/lib/grievances/filing-limits';
import { MAX_ATTACHMENT_BYTES } from '@/lib/grievances/vocabulary';

/**
 * The schemas module with TIME_ZONE set to `timeZone`: lib/env.ts parses process.env
 * once per module instance, so the registry is reset and the module imported afresh.
 */
async function schemasIn(timeZone = 'UTC') {
  vi.stubEnv('TIME_ZONE', timeZone);
  vi.resetModules();
  return import('@/lib/grievances/filing-schemas');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

/** What the form posts when only the required fields are filled in. */
const form = {
  channelId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  category: 'nuisance_environment',
  description: 'Trucks have been idling outside the school every morning since March.',
  place: '',
  eventDate: '',
  outcomeSought: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  submissionKey: '0b6f3a52-7c4d-4e1f-9a2b-3c4d5e6f7a8b',
};

async function fieldErrors(values: Record<string, unknown>, timeZone?: string): Promise<Record<string, string>> {
  const { fileGrievanceSchema } = await schemasIn(timeZone);
  const result = fileGrievanceSchema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe('the filing form', () => {
  it('reads empty optional fields as not given and an unticked box as not confidential', async () => {
    const { fileGrievanceSchema } = await schemasIn();
    expect(fileGrievanceSchema.parse(form)).toEqual({
      channelId: form.channelId,
      category: 'nuisance_environment',
      description: form.description,
      place: null,
      eventDate: null,
      outcomeSought: null,
      isConfidential: false,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      submissionKey: form.submissionKey,
    });
  });

  it('keeps what was given, trimmed, with line breaks counted once', async () => {
    const { fileGrievanceSchema } = await schemasIn();
    const parsed = fileGrievanceSchema.parse({
      ...form,
      description: '  First line\r\nSecond line  ',
      place: ' Calle Mayor 3 ',
      eventDate: '2024-02-29',
      outcomeSought: 'Move the waiting area.',
      isConfidential: 'on',
      contactName: 'Ana',
      contactEmail: ' Ana@Example.ORG ',
      contactPhone: '+34 (91) 123-4567',
    });
    expect(parsed).toMatchObject({
      description: 'First line\nSecond line',
      place: 'Calle Mayor 3',
      eventDate: '2024-02-29',
      isConfidential: true,
      contactEmail: 'ana@example.org',
      contactPhone: '+34 (91) 123-4567',
    });
  });

  it('names each problem at its field', async () => {
    expect(
      await fieldErrors({
        ...form,
        channelId: 'not-a-channel',
        category: 'weather',
        description: '   ',
        place: 'x'.repeat(301),
        outcomeSought: 'x'.repeat(2001),
        contactName: 'x'.repeat(201),
        contactEmail: 'ana@',
        contactPhone: '+()',
        submissionKey: '',
      }),
    ).toEqual({
      channelId: 'grievance.channelNotFound',
      category: 'grievance.categoryInvalid',
      description: 'grievance.descriptionRequired',
      place: 'grievance.placeTooLong',
      outcomeSought: 'grievance.outcomeTooLong',
      contactName: 'grievance.contactNameTooLong',
      contactEmail: 'grievance.contactEmailInvalid',
      contactPhone: 'grievance.contactPhoneInvalid',
      submissionKey: 'submissionKeyInvalid',
    });
  });

  it('bounds the description and refuses control characters in it', async () => {
    expect(await fieldErrors({ ...form, description: 'x'.repeat(10_000) })).toEqual({});
    expect(await fieldErrors({ ...form, description: 'x'.repeat(10_001) })).toEqual({ description: 'grievance.descriptionTooLong' });
    expect(await fieldErrors({ ...form, description: 'Bad\u0000byte' })).toEqual({ description: 'textInvalid' });
    // A tampered form without the field gets the field's own message, not a raw one.
    const { description: _description, ...withoutDescription } = form;
    expect(await fieldErrors(withoutDescription)).toEqual({ description: 'grievance.descriptionRequired' });
  });

  it('accepts only real calendar days for the event', async () => {
    for (const eventDate of ['2023-02-29', '2024-13-01', '12/03/2024', 'yesterday', '1899-12-31']) {
      expect(await fieldErrors({ ...form, eventDate }), eventDate).toEqual({ eventDate: 'grievance.eventDateInvalid' });
    }
  });

  it('refuses an event date in the future on the city’s calendar, not the server’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 23:30 UTC on 10 March is already 11 March in Auckland, still 10 March in Los Angeles.
    vi.setSystemTime(new Date('2026-03-10T23:30:00Z'));
    expect(await fieldErrors({ ...form, eventDate: '2026-03-11' }, 'Pacific/Auckland')).toEqual({});
    expect(await fieldErrors({ ...form, eventDate: '2026-03-12' }, 'Pacific/Auckland')).toEqual({ eventDate: 'grievance.eventDateInFuture' });
    expect(await fieldErrors({ ...form, eventDate: '2026-03-11' }, 'America/Los_Angeles')).toEqual({ eventDate: 'grievance.eventDateInFuture' });
    expect(await fieldErrors({ ...form, eventDate: '2026-03-10' }, 'America/Los_Angeles')).toEqual({});
  });

  it('gives today on the city’s calendar for the date input’s maximum', async () => {
    const { todayIn } = await schemasIn();
    const now = new Date('2026-03-10T23:30:00Z');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-03-11');
    expect(todayIn('UTC', now)).toBe('2026-03-10');
  });
});

describe('attachments', () => {
  const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

  it('ignores the empty part a browser sends for an input left empty', async () => {
    const { chosenAttachments } = await schemasIn();
    const formData = new FormData();
    formData.append('attachments', new File([], ''));
    formData.append('attachments', new File([], 'undefined'));
    formData.append('attachments', file('photo.jpg', 10));
    formData.append('attachments', new File([], 'empty.pdf'));
    formData.append('attachments', 'not a file');
    expect(chosenAttachments(formData).map((chosen) => chosen.name)).toEqual(['photo.jpg', 'empty.pdf']);
    expect(isChosenFile(new File([], 'empty.pdf'))).toBe(true);
  });

  it('checks count and size without reading the files, and names in the browser', () => {
    expect(attachmentProblem([])).toBeNull();
    expect(attachmentProblem(Array.from({ length: 5 }, (_, index) => ({ name: `${index}.pdf`, size: 1 })))).toBeNull();
    expect(attachmentProblem(Array.from({ length: 6 }, (_, index) => ({ name: `${index}.pdf`, size: 1 })))).toBe('grievance.tooManyAttachments');
    expect(attachmentProblem([{ name: 'scan.pdf', size: MAX_ATTACHMENT_BYTES }])).toBeNull();
    expect(attachmentProblem([{ name: 'scan.pdf', size: MAX_ATTACHMENT_BYTES + 1 }])).toBe('grievance.attachmentTooLarge');
    expect(attachmentProblem([{ name: 'empty.pdf', size: 0 }])).toBe('fileEmpty');
    // The name is only a courtesy check in the browser; the server reads the bytes.
    expect(attachmentProblem([{ name: 'virus.exe', size: 10 }])).toBeNull();
    expect(attachmentProblem([{ name: 'virus.exe', size: 10 }], { checkExtension: true })).toBe('fileTypeNotAccepted');
    expect(attachmentProblem([{ name: 'Photo.JPEG', size: 10 }], { checkExtension: true })).toBeNull();
    expect(attachmentProblem([{ name: 'noextension', size: 10 }], { checkExtension: true })).toBe('fileTypeNotAccepted');
  });
});

describe('the follow form', () => {
  it('passes whatever was typed on, so a malformed code is answered like a wrong one', async () => {
    const { followCaseSchema } = await schemasIn();
    expect(followCaseSchema.parse({ reference: 'gr 7kq4m 9xd2a', accessKey: '' })).toEqual({ reference: 'gr 7kq4m 9xd2a', accessKey: '' });
    expect(followCaseSchema.parse({})).toEqual({ reference: '', accessKey: '' });
    expect(followCaseSchema.parse({ reference: 'x'.repeat(5000), accessKey: 42 })).toEqual({ reference: 'x'.repeat(100), accessKey: '' });
  });
});

describe('the complainant’s steps', () => {
  it('needs words for a message and a reason for an appeal, none for accepting', async () => {
    const { acceptResolutionSchema, appealSchema, sendMessageSchema } = await schemasIn();
    const reference = 'GR-7KQ4M-9XD2A';
    expect(sendMessageSchema.safeParse({ reference, message: '  ' }).error?.issues[0]?.message).toBe('grievance.messageRequired');
    expect(sendMessageSchema.safeParse({ reference }).error?.issues[0]?.message).toBe('grievance.messageRequired');
    expect(sendMessageSchema.safeParse({ reference, message: 'x'.repeat(5001) }).error?.issues[0]?.message).toBe('grievance.messageTooLong');
    expect(sendMessageSchema.parse({ reference, message: ' Any news? ' })).toEqual({ reference, message: 'Any news?' });

    expect(acceptResolutionSchema.parse({ reference })).toEqual({ reference, message: '' });
    expect(acceptResolutionSchema.parse({ reference, message: 'Thank you.' })).toEqual({ reference, message: 'Thank you.' });

    expect(appealSchema.safeParse({ reference, message: 'I disagree.' }).error?.issues[0]?.message).toBe('grievance.explanationRequired');
    expect(appealSchema.parse({ reference, message: 'The noise was measured on a quiet day.' }).message).toBe('The noise was measured on a quiet day.');
  });

  it('passes on the stage the page showed, or none when the form sent none', async () => {
    const { acceptResolutionSchema, appealSchema, sendMessageSchema } = await schemasIn();
    const reference = 'GR-7KQ4M-9XD2A';
    expect(acceptResolutionSchema.parse({ reference, stage: 'resolution_proposed-5', message: '' }).stage).toBe('resolution_proposed-5');
    expect(sendMessageSchema.parse({ reference, stage: '', message: 'Any news?' }).stage).toBeUndefined();
    expect(appealSchema.parse({ reference, message: 'The noise was measured on a quiet day.' }).stage).toBeUndefined();
    expect(sendMessageSchema.safeParse({ reference, stage: 'x'.repeat(101), message: 'Any news?' }).success).toBe(false);
  });
});
