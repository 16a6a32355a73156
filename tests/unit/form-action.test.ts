// The form-action wrapper is the boundary every form crosses: it must answer anything
// a client can post with a form state, never an exception.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formAction, formFields } from '@/lib/actions/form-action';
import { plainText } from '@/lib/validation/text';

const action = formAction(z.object({ name: z.string().min(2, 'nameRequired') }), async () => {
  throw new Error('the handler must not run for invalid input');
});

describe('formAction', () => {
  it('answers a body that is not a form with a bad-request state', async () => {
    const state = await action({ status: 'idle', fieldErrors: {}, values: {} }, 1 as unknown as FormData);
    expect(state).toMatchObject({ status: 'error', message: 'errors.bad_request' });
  });

  it('puts each problem next to its field and keeps what was typed, but never a password', async () => {
    const form = new FormData();
    form.set('name', 'x');
    form.set('password', 'secret-secret');
    form.set('upload', new File(['data'], 'a.txt'));
    const state = await action({ status: 'idle', fieldErrors: {}, values: {} }, form);
    expect(state.status).toBe('error');
    expect(state.fieldErrors).toEqual({ name: 'nameRequired' });
    expect(state.values).toEqual({ name: 'x' });
  });

  it('hands a name sent once as a value and a name sent several times (ticked boxes) as the list of its values', () => {
    const form = new FormData();
    form.append('title', 'Cycle lanes');
    form.append('inputIds', 'a');
    form.append('inputIds', 'b');
    expect(formFields(form)).toEqual({ title: 'Cycle lanes', inputIds: ['a', 'b'] });
  });

  it('gives a text field missing from the form the message of a blank one', () => {
    const schema = z.object({ title: plainText({ min: 3, max: 10, tooShort: 'titleRequired', tooLong: 'titleTooLong' }) });
    expect(schema.safeParse({}).error?.issues[0]?.message).toBe('titleRequired');
    expect(schema.safeParse({ title: ' ' }).error?.issues[0]?.message).toBe('titleRequired');
    expect(schema.safeParse({ title: 42 }).error?.issues[0]?.message).toBe('textInvalid');
  });
});
