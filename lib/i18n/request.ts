// next-intl request configuration: the locale comes from the language cookie, else the
// browser's Accept-Language; dates are shown in the city's time zone.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { env } from '@/lib/env';
import { catalogues } from './catalogues';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './config';

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale((await headers()).get('accept-language'));
  return {
    locale,
    messages: catalogues[locale],
    timeZone: env().TIME_ZONE,
  };
});
