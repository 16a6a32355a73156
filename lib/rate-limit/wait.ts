// How long a refused person must wait, in the words the catalogue messages take
// ({unit} and {count}): seconds for a short wait, whole minutes (rounded up) beyond.
// Free of server-only imports: forms render it.
export interface WaitValues {
  [key: string]: string | number;
  unit: 'seconds' | 'minutes';
  count: number;
}

export function waitValues(retryAfterSeconds: number): WaitValues {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return seconds < 90 ? { unit: 'seconds', count: seconds } : { unit: 'minutes', count: Math.ceil(seconds / 60) };
}
