import type { Round } from '../../shared/api/rounds.ts';
import { versionLabel } from '../app/version-label.ts';
import { currentLanguage } from '../i18n/locale.ts';

/**
 * A round's title with the version it sends out, unless the title already names it (the
 * default title "Lấy ý kiến góp ý Dự thảo lần 2" does; saying it twice reads as a stutter).
 */
export function titleWithVersion(round: Pick<Round, 'title' | 'version' | 'versionLabel'>): string {
  const label = versionLabel(round.version);
  const named = [label, round.versionLabel].some((l) => round.title.toLowerCase().includes(l.toLowerCase()));
  return named ? round.title : `${round.title} · ${label}`;
}

/** A day as the interface language writes it (04/12/2026). */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}
