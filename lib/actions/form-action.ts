// The one wrapper for form server actions: parse, find the actor, count the form against
// its rate limits, run, and turn every failure into a state the form can show. A server action is a public endpoint, so
// the domain function it calls authorizes again through the policy module.
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { clientAddressFrom } from '@/lib/auth/client-address';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { noteResponseStatus } from '@/lib/http/response-status';
import { logError } from '@/lib/log';
import { countFormAgainstLimits } from '@/lib/rate-limit/form-limits';
import type { RateLimitName } from '@/lib/rate-limit/policies';
import { rateLimitStoreFor } from '@/lib/rate-limit/store';
import { waitValues } from '@/lib/rate-limit/wait';
import { successState, type FormState } from './form-state';

export type { FormState } from './form-state';

export interface ActionContext {
  actor: Actor;
  db: Db;
}

const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword', 'token']);

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

export interface FormActionOptions {
  /** Limits of lib/rate-limit/policies.ts this form counts against, besides `formPost` which every form does. */
  limits?: readonly RateLimitName[];
}

export function formAction<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  handler: (input: z.infer<Schema>, context: ActionContext) => Promise<FormState | void>,
  { limits = [] }: FormActionOptions = {},
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    // Action ids are public: anyone can post a body that is not a form at all.
    if (!(formData instanceof FormData)) return { status: 'error', message: 'errors.bad_request', fieldErrors: {}, values: {} };
    const values = typedValues(formData);
    // A form refused for its fields costs nothing but the parsing, and stores nothing.
    const parsed = schema.safeParse(formFields(formData));
    if (!parsed.success) {
      return { status: 'error', message: 'errors.bad_request', fieldErrors: firstIssuePerField(parsed.error), values };
    }
    try {
      const context = { actor: await getActor(), db: await getDb() };
      await countFormAgainstLimits({ store: rateLimitStoreFor(context.db), actor: context.actor, address: clientAddressFrom(await headers()), formData, limits });
      const result = await handler(parsed.data, context);
      return result ?? successState();
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() travel as errors
      if (isAppError(error) && error.isSafeToShow) {
        const messageValues = error.retryAfterSeconds === undefined ? undefined : waitValues(error.retryAfterSeconds);
        // From script the state is the answer; a form posted without it gets the page
        // with the refusal in it, and the status a refusal has (see response-status.ts).
        if (error.retryAfterSeconds !== undefined && (await headers()).get('next-action') === null) {
          noteResponseStatus(error.status, { 'Retry-After': String(error.retryAfterSeconds) });
        }
        return { status: 'error', message: `errors.${error.code}`, fieldErrors: error.fieldErrors, values, ...(messageValues && { messageValues }) };
      }
      logError('form action failed', error);
      return { status: 'error', message: 'errors.internal', fieldErrors: {}, values };
    }
  };
}
