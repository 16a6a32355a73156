// Server-side logging. Lines name what failed and never carry personal data: callers
// pass an error, not the input, and query parameters are cut from database errors.

/** Drizzle puts the SQL and its parameters (e-mails, hashes) in the message; keep only the SQL. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.replace(/\nparams:[\s\S]*$/, '\nparams: [withheld]');
  const cause = error.cause ? `\n  caused by ${describe(error.cause)}` : '';
  const code = (error as { code?: unknown }).code;
  return `${error.name}${code ? ` (${String(code)})` : ''}: ${message}${cause}`;
}

export function logError(message: string, error: unknown): void {
  console.error(`[participa] ${message}: ${describe(error)}`);
}

export function logInfo(message: string): void {
  console.log(`[participa] ${message}`);
}
