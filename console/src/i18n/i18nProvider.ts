import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { DEFAULT_LOCALE, LOCALES, setCurrentLocale } from './locale';
import zhCN from './zh-CN';

/** Keys asked for without a translation; the browser tests read them (none may exist). */
export const missingKeys = new Set<string>();
declare global {
  interface Window {
    __fupinMissingKeys?: Set<string>;
  }
}
if (typeof window !== 'undefined') window.__fupinMissingKeys = missingKeys;

/**
 * zh-CN is bundled (it is the default); English loads on demand when chosen. The locale
 * react-admin keeps in its store is applied at start by react-admin itself.
 */
const provider = polyglotI18nProvider(
  (locale) => {
    setCurrentLocale(locale);
    if (locale === 'en') {
      return import('./en').then((m) => m.default as unknown as TranslationMessages);
    }
    return zhCN as unknown as TranslationMessages;
  },
  DEFAULT_LOCALE,
  [...LOCALES],
  {
    allowMissing: true,
    onMissingKey: (key: string) => {
      missingKeys.add(key);
      return key;
    },
  },
);

export const i18nProvider = {
  ...provider,
  changeLocale: async (locale: string) => {
    await provider.changeLocale(locale);
    setCurrentLocale(locale);
  },
};
