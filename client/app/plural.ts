import { currentLanguage } from '../i18n/locale.ts';

/**
 * Picks the singular or plural sentence for a count, by the interface language's plural rules
 * (lit-localize has no plural syntax). Vietnamese has one form, so both arguments are the same
 * Vietnamese text under two message ids, and only the English catalogue tells them apart:
 * `plural(n, msg(str`${n} góp ý`, { id: 'comments-n.one' }), msg(str`${n} góp ý`, { id: 'comments-n.other' }))`.
 */
export function plural(count: number, one: string, other: string): string {
  return new Intl.PluralRules(currentLanguage()).select(count) === 'one' ? one : other;
}
