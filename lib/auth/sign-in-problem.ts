// next-auth reports sign-in failures as codes (?error=… or result.error); these are
// the ones a person can act on.
export type SignInProblem = 'wrongCredentials' | 'tooManyAttempts' | 'failed';

export function problemFromCode(code: string | null | undefined): SignInProblem | null {
  if (!code) return null;
  if (code === 'TooManyAttempts') return 'tooManyAttempts';
  if (code === 'CredentialsSignin') return 'wrongCredentials';
  return 'failed';
}
