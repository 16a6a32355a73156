// The message catalogue of every supported locale. Typed by Locale, so adding a locale
// to config.ts without its catalogue fails the type check.
import type { Locale } from './config';
import en from './messages/en.json';

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en };
