// A file's size as people read it, in the reader's number format.

const MEGABYTE = 1024 * 1024;

interface NumberFormatter {
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** Whole kilobytes (at least 1) below a megabyte, megabytes to one decimal above. */
export function formatFileSize(format: NumberFormatter, bytes: number): string {
  return bytes < MEGABYTE
    ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
    : format.number(bytes / MEGABYTE, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
