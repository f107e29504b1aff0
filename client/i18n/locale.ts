import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.ts';

/** The interface languages: Vietnamese first, English second. */
export type Language = 'vi' | 'en';

const STORAGE_KEY = 'vankien.language';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/${locale}.ts`),
});

/** The language in use. */
export function currentLanguage(): Language {
  return getLocale() as Language;
}

/** Switches the interface language, remembers it, and sets `<html lang>` (localize does not). */
export async function setLanguage(language: Language): Promise<void> {
  await setLocale(language);
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE_KEY, language);
}

/** Restores the remembered language (Vietnamese by default). */
export async function restoreLanguage(): Promise<void> {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en') await setLanguage('en');
}
