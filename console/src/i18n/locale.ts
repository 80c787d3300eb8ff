/** The languages the console speaks; zh-CN first and by default. */
export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
] as const;
export type Locale = (typeof LOCALES)[number]['locale'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

let current: Locale = DEFAULT_LOCALE;

/** The language chosen now, for texts that do not pass through react-admin's translate. */
export const currentLocale = (): Locale => current;
export const setCurrentLocale = (l: string) => {
  current = l === 'en' ? 'en' : 'zh-CN';
};
