// next-intl request configuration: the locale comes from the language cookie, else the
// browser's Accept-Language; dates are shown in the city's time zone.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { env } from '@/lib/env';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './config';

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale((await headers()).get('accept-language'));
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: env().TIME_ZONE,
  };
});
