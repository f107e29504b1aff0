import type { Round } from '../../shared/api/rounds.ts';
import { versionLabel } from '../app/version-label.ts';

/**
 * A round's title with the version it sends out, unless the title already names it (the
 * default title "Lấy ý kiến góp ý Dự thảo lần 2" does; saying it twice reads as a stutter).
 */
export function titleWithVersion(round: Pick<Round, 'title' | 'version' | 'versionLabel'>): string {
  const label = versionLabel(round.version);
  const named = [label, round.versionLabel].some((l) => round.title.toLowerCase().includes(l.toLowerCase()));
  return named ? round.title : `${round.title} · ${label}`;
}
