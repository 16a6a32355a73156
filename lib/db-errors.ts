// Recognising database errors that user input can cause, whichever driver raised them.

/** SQLSTATE 23505: a unique index rejected the row. Drizzle may wrap the driver error. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
