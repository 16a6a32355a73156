// What the channel forms accept, and the message each mistake gets next to its field.
import { describe, expect, it } from 'vitest';
import { createChannelSchema, updateChannelSchema } from '@/lib/grievances/channel-schemas';
import { DEFAULT_DEADLINE_DAYS } from '@/lib/grievances/vocabulary';

const form = {
  initiativeId: '',
  name: '  Plaza Mayor redesign: grievances ',
  offlineInstructions: 'Project kiosk on the square,\r\nTuesdays 10:00–13:00.',
  acknowledgeDays: '3',
  resolveDays: '30',
  appealDays: '15',
  appealDecisionDays: '20',
};

/** The field and message of each problem, as the form shows them. */
function problems(values: Record<string, unknown>, schema: typeof createChannelSchema | typeof updateChannelSchema = createChannelSchema) {
  const result = schema.safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
}

describe('the new-channel form', () => {
  it('reads an empty initiative as the city-wide channel, trims text and counts days as numbers', () => {
    expect(createChannelSchema.parse(form)).toEqual({
      initiativeId: null,
      name: 'Plaza Mayor redesign: grievances',
      offlineInstructions: 'Project kiosk on the square,\nTuesdays 10:00–13:00.',
      acknowledgeDays: 3,
      resolveDays: 30,
      appealDays: 15,
      appealDecisionDays: 20,
    });
    const initiativeId = '6f1c2a8e-1111-4222-8333-944455556666';
    expect(createChannelSchema.parse({ ...form, initiativeId }).initiativeId).toBe(initiativeId);
  });

  it('takes the usual deadline for a cleared field, not zero days', () => {
    expect(createChannelSchema.parse({ ...form, acknowledgeDays: ' ', resolveDays: '', appealDays: undefined, appealDecisionDays: '' })).toMatchObject(DEFAULT_DEADLINE_DAYS);
  });

  it('refuses deadlines outside 1 to 120 whole days', () => {
    for (const value of ['0', '121', '2.5', '-3', 'five']) {
      expect(problems({ ...form, appealDays: value }), value).toEqual([['appealDays', 'grievance.deadlineDaysInvalid']]);
    }
    expect(problems({ ...form, acknowledgeDays: '1', resolveDays: '120' })).toEqual([]);
  });

  it('refuses an acknowledgement due after the answer itself', () => {
    expect(problems({ ...form, acknowledgeDays: '31' })).toEqual([['acknowledgeDays', 'grievance.acknowledgeAfterResolve']]);
    expect(problems({ ...form, acknowledgeDays: '30' })).toEqual([]);
  });

  it('asks for a name and for how to file offline', () => {
    expect(problems({ ...form, name: '  ', offlineInstructions: 'Call us' })).toEqual([
      ['name', 'grievance.channelNameRequired'],
      ['offlineInstructions', 'grievance.offlineInstructionsRequired'],
    ]);
    expect(problems({ ...form, name: 'x'.repeat(201), offlineInstructions: 'y'.repeat(3001) })).toEqual([
      ['name', 'grievance.channelNameTooLong'],
      ['offlineInstructions', 'grievance.offlineInstructionsTooLong'],
    ]);
    expect(problems({ ...form, name: 'Grievances\u0000' })).toEqual([['name', 'textInvalid']]);
  });

  it('refuses an initiative that is not an id', () => {
    expect(problems({ ...form, initiativeId: 'plaza-mayor' })).toEqual([['initiativeId', 'initiativeNotFound']]);
  });
});

describe('the edit-channel form', () => {
  it('names the channel and cannot move it to another initiative', () => {
    const channelId = '6f1c2a8e-1111-4222-8333-944455556666';
    const parsed = updateChannelSchema.parse({ ...form, channelId, initiativeId: '7f1c2a8e-1111-4222-8333-944455556666' });
    expect(parsed).toMatchObject({ channelId, acknowledgeDays: 3 });
    expect(parsed).not.toHaveProperty('initiativeId');
    expect(problems({ ...form, channelId: 'nope' }, updateChannelSchema)).toEqual([['channelId', 'grievance.channelNotFound']]);
  });
});
