// The one wrapper for form server actions: parse, find the actor, run, and turn every
// failure into a state the form can show. A server action is a public endpoint, so the
// domain function it calls authorizes again through the policy module.
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { successState, type FormState } from './form-state';

export type { FormState } from './form-state';

export interface ActionContext {
  actor: Actor;
  db: Db;
}

const SECRET_FIELDS = new Set(['password']);

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !SECRET_FIELDS.has(key)) values[key] = value.slice(0, 20_000);
  }
  return values;
}

/**
 * The form's fields for the schema: a name sent once is a value, a name sent several
 * times (ticked checkboxes sharing it) is the list of its values.
 */
export function formFields(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    fields[key] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

function firstIssuePerField(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

export function formAction<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  handler: (input: z.infer<Schema>, context: ActionContext) => Promise<FormState | void>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    // Action ids are public: anyone can post a body that is not a form at all.
    if (!(formData instanceof FormData)) return { status: 'error', message: 'errors.bad_request', fieldErrors: {}, values: {} };
    const values = typedValues(formData);
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) {
      return { status: 'error', message: 'errors.bad_request', fieldErrors: firstIssuePerField(parsed.error), values };
    }
    try {
      const result = await handler(parsed.data, { actor: await getActor(), db: await getDb() });
      return result ?? successState();
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() travel as errors
      if (isAppError(error) && error.isSafeToShow) {
        return { status: 'error', message: `errors.${error.code}`, fieldErrors: error.fieldErrors, values };
      }
      logError('form action failed', error);
      return { status: 'error', message: 'errors.internal', fieldErrors: {}, values };
    }
  };
}
