import { currentLanguage } from '../i18n/locale.ts';

/** A timestamp as people read it in the interface language ("14:05 03/06/2025"). */
export function formatWhen(iso: string): string {
  return format(iso, { hour: '2-digit', minute: '2-digit' });
}

/** A day as the interface language writes it (04/12/2026). */
export function formatDay(iso: string): string {
  return format(iso, {});
}

/** The date in the interface language's order, with `extra` parts; an unreadable value is shown as it came. */
function format(iso: string, extra: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...extra,
  }).format(date);
}
