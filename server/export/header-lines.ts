import { styledText, type ElementStyle, type FormatProfile } from '../../shared/export/format-profile.ts';
import { textMeasure } from './fonts.ts';

/** Lines are laid out this much narrower than the column, so Word and LibreOffice never wrap them again. */
const SAFETY = 0.985;
/** A break before one of the profile's words counts as this share of the column shorter. */
const PREFERRED_BONUS = 0.2;

/**
 * A header name (issuer, superior, congress line) broken into lines that fit `widthPt`, the
 * way Party documents break them: one line when it fits; else the fewest lines, preferring a
 * break before the profile's words ("ĐẢNG BỘ SỞ TÀI NGUYÊN / VÀ MÔI TRƯỜNG") and otherwise
 * the most balanced lines, never a lone last word ("… CƠ QUAN / TỈNH"). Line breaks the user
 * typed are kept.
 */
export function headerLines(
  profile: FormatProfile,
  style: ElementStyle,
  text: string,
  widthPt: number,
  measure = textMeasure,
): string[] {
  const width = (t: string) => measure.widthPt(t, style.sizeHalfPt / 2, style.bold);
  const room = widthPt * SAFETY;
  const preferred = new Set(profile.headerBreakBefore.map((w) => w.toLocaleUpperCase('vi')));
  return styledText(style, text)
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '')
    .flatMap((line) => breakLine(line.split(' '), room, width, preferred));
}

function breakLine(
  words: readonly string[],
  room: number,
  width: (text: string) => number,
  preferred: ReadonlySet<string>,
): string[] {
  if (width(words.join(' ')) <= room || words.length < 2) return [words.join(' ')];
  // Few words: try every way of cutting them into 2, then 3, … lines and keep the best that fits.
  for (let count = 2; count <= Math.min(words.length, 5); count++) {
    let best: { lines: string[]; cost: number } | null = null;
    for (const cuts of cutPoints(words.length, count)) {
      const lines = cuts.map((from, i) => words.slice(from, cuts[i + 1] ?? words.length).join(' '));
      const widths = lines.map(width);
      if (widths.some((w) => w > room)) continue;
      const bonus = cuts.slice(1).filter((at) => preferred.has(words[at]!.toLocaleUpperCase('vi'))).length;
      const cost = Math.max(...widths) - bonus * PREFERRED_BONUS * room;
      if (best === null || cost < best.cost) best = { lines, cost };
    }
    if (best !== null) return best.lines;
  }
  // A single word wider than the column: let the word processor wrap it.
  return [words.join(' ')];
}

/** Every increasing list of `count` line starts, the first at 0, over `n` words. */
function* cutPoints(n: number, count: number, from = 1, prefix: number[] = [0]): Generator<number[]> {
  if (prefix.length === count) {
    yield prefix;
    return;
  }
  for (let at = from; at <= n - (count - prefix.length); at++)
    yield* cutPoints(n, count, at + 1, [...prefix, at]);
}
