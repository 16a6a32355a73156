// CSV as RFC 4180 describes it, for every download the platform offers.

/**
 * Text a spreadsheet would run as a formula when the file is opened (=, +, -, @, and a
 * leading tab or carriage return). Titles and names are typed by the public, so such a
 * cell is written with a leading apostrophe, which spreadsheets show as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: quoted when it holds a quote, a comma or a line break; empty for null. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CR LF, the header first, ending with a line break. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
