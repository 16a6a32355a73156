// The choices a city makes about accounts, read from the environment (lib/env.ts).
import type { Environment } from '@/lib/env';

/** Whether people must confirm their e-mail address before taking part. */
export function isEmailVerificationRequired(environment: Pick<Environment, 'EMAIL_VERIFICATION' | 'SMTP_URL'>): boolean {
  return (environment.EMAIL_VERIFICATION ?? (environment.SMTP_URL ? 'required' : 'optional')) === 'required';
}
