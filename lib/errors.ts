// The one error type of the application. `code` selects a message in the catalogue
// (errors.<code>) that is safe to show; anything else about the failure stays in the log.
export const ERROR_CODES = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Field-level problems, keyed by field name, each a message key. */
  readonly fieldErrors: Record<string, string>;
  /** With `rate_limited`: how long until trying again can succeed (HTTP Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: { detail?: string; fieldErrors?: Record<string, string>; cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.fieldErrors = options.fieldErrors ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether the message key may be shown to the person who caused the error. */
  get isSafeToShow(): boolean {
    return this.code !== 'internal';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
