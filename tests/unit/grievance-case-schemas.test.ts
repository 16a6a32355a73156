// What the officer's forms accept: a city step with a message within the limit (and an
// officer for `assign`), and a grievance received offline with its channel, how and when.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordOfflineSchema } from '@/lib/grievances/record-schemas';
import { handlerStepSchema, HANDLER_STEPS } from '@/lib/grievances/step-schemas';
import { MAX_MESSAGE_LENGTH } from '@/lib/grievances/vocabulary';

const grievanceId = randomUUID();
const firstIssue = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? null : { field: String(result.error!.issues[0]!.path[0]), message: result.error!.issues[0]!.message };

describe('the step form schema', () => {
  it('offers only the city’s steps', () => {
    expect([...HANDLER_STEPS].sort()).toEqual(['acknowledge', 'assign', 'close', 'close_with_reasons', 'decide_appeal', 'message', 'propose_resolution', 'reject']);
  });

  it('accepts a step with its message, trimmed, and a form without a message field', () => {
    expect(handlerStepSchema.parse({ grievanceId, step: 'reject', message: '  Out of scope because…  ' })).toEqual({ grievanceId, step: 'reject', message: 'Out of scope because…' });
    const officerId = randomUUID();
    expect(handlerStepSchema.parse({ grievanceId, step: 'assign', officerId })).toEqual({ grievanceId, step: 'assign', message: '', officerId });
  });

  it('refuses the complainant’s steps, unknown steps, an assignment without an officer and an overlong message', () => {
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId, step: 'accept_resolution', message: '' }))).toEqual({ field: 'step', message: 'grievance.stepInvalid' });
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId, step: 'appeal', message: 'x'.repeat(30) }))).toEqual({ field: 'step', message: 'grievance.stepInvalid' });
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId, step: 'teleport', message: '' }))).toEqual({ field: 'step', message: 'grievance.stepInvalid' });
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId, step: 'assign', officerId: '' }))).toEqual({ field: 'officerId', message: 'grievance.officerRequired' });
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId, step: 'assign', officerId: 'bob' }))).toEqual({ field: 'officerId', message: 'grievance.officerInvalid' });
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId, step: 'message', message: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }))).toEqual({
      field: 'message',
      message: 'grievance.messageTooLong',
    });
    expect(firstIssue(handlerStepSchema.safeParse({ grievanceId: 'GR-1', step: 'message', message: 'Hello' }))).toEqual({ field: 'grievanceId', message: 'grievance.caseNotFound' });
  });
});

describe('the offline grievance schema', () => {
  const fields = (overrides: Record<string, string> = {}) => ({
    channelId: randomUUID(),
    receivedVia: 'paper',
    receivedAt: '2024-03-05T09:30',
    category: 'land_property',
    description: 'Letter: the new fence takes a metre of my garden.',
    place: '',
    eventDate: '',
    outcomeSought: '',
    contactName: 'Ana',
    contactEmail: '',
    contactPhone: '',
    submissionKey: randomUUID(),
    ...overrides,
  });

  it('reads the date received in the city’s time zone, empty fields as not given, and the checkbox', () => {
    const parsed = recordOfflineSchema.parse({ ...fields(), isConfidential: 'on' });
    expect(parsed).toMatchObject({ receivedVia: 'paper', receivedAt: new Date('2024-03-05T09:30:00Z'), isConfidential: true, contactName: 'Ana' });
    expect(parsed.place).toBeUndefined();
    expect(recordOfflineSchema.parse(fields()).isConfidential).toBe(false);
  });

  it('refuses an online channel, a date received in the future, and malformed contact details', () => {
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ receivedVia: 'online' })))).toEqual({ field: 'receivedVia', message: 'grievance.receivedViaInvalid' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ receivedAt: '2999-01-01T00:00' })))).toEqual({ field: 'receivedAt', message: 'grievance.receivedAtInFuture' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ receivedAt: 'yesterday' })))).toEqual({ field: 'receivedAt', message: 'grievance.receivedAtInvalid' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ eventDate: '2024-02-30' })))).toEqual({ field: 'eventDate', message: 'grievance.eventDateInvalid' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ eventDate: '2999-01-01' })))).toEqual({ field: 'eventDate', message: 'grievance.eventDateInFuture' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ contactEmail: 'ana at home' })))).toEqual({ field: 'contactEmail', message: 'grievance.contactEmailInvalid' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ contactPhone: 'call me maybe' })))).toEqual({ field: 'contactPhone', message: 'grievance.contactPhoneInvalid' });
    expect(firstIssue(recordOfflineSchema.safeParse(fields({ description: '   ' })))).toEqual({ field: 'description', message: 'grievance.descriptionRequired' });
  });
});
