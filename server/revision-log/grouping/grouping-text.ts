import type { GroupingVocabulary } from './grouping-vocabulary.ts';

/**
 * Turning a comment's Vietnamese text into what grouping compares. Sub-branch secretaries type
 * with and without diacritics, with s/x slips ("bổ xung", "sử lý") and with the Party's
 * abbreviations, so matching works on folded syllables (no diacritics, đ → d, x → s at a
 * syllable's start) after abbreviations and stock synonyms are rewritten. The original text is
 * never changed: this is for comparison only.
 */

/** A word of the original text: lower case as typed, folded, and whether it looks like an abbreviation. */
export interface Word {
  readonly raw: string;
  readonly marked: string;
  readonly folded: string;
  readonly abbreviationLike: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu;
const VOWEL = /[aeiouy]/u;
const NUMBER = /^\p{N}/u;
/** Letters Vietnamese writes with diacritics: their absence marks text typed without them. */
const VIETNAMESE_MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** Each Vietnamese letter with diacritics and its base letter (a table: folding runs per word). */
const BASE = new Map<string, string>(
  Object.entries({
    a: 'àáảãạăằắẳẵặâầấẩẫậ',
    e: 'èéẻẽẹêềếểễệ',
    i: 'ìíỉĩị',
    o: 'òóỏõọôồốổỗộơờớởỡợ',
    u: 'ùúủũụưừứửữự',
    y: 'ỳýỷỹỵ',
    d: 'đ',
  }).flatMap(([base, marked]) => [...marked].map((c) => [c, base] as const)),
);

/** Lower case without diacritics, đ → d: "Đề nghị" → "de nghi". */
export function fold(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (const c of lower) out += c < '\u0080' ? c : (BASE.get(c) ?? foldOther(c));
  return out;
}

/** Letters outside the table (other scripts' accents) lose their marks the slow way. */
function foldOther(c: string): string {
  return c.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** True when the text has no Vietnamese diacritic at all (typed on a keyboard without them). */
export function typedWithoutDiacritics(text: string): boolean {
  return !VIETNAMESE_MARKED.test(text.normalize('NFC'));
}

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(WORD)) {
    const raw = match[0];
    let folded = fold(raw).replace(/,/gu, '.');
    // s/x is the commonest slip; "xuất xắc" and "xuất sắc" must meet.
    if (folded.startsWith('x')) folded = `s${folded.slice(1)}`;
    const marked = raw.toLowerCase();
    const abbreviationLike =
      raw.length >= 2 &&
      !NUMBER.test(raw) &&
      (raw !== marked ? raw === raw.toUpperCase() : !VOWEL.test(folded));
    words.push({ raw, marked, folded, abbreviationLike });
  }
  return words;
}

/** Folded form of a vocabulary phrase with the same x → s rule as the text. */
export function foldPhrase(phrase: string): string[] {
  return wordsOf(phrase).map((w) => w.folded);
}

/**
 * The folded tokens of a text, abbreviations expanded (only where typed in capitals or with no
 * vowel, so "cd" in running text stays) and synonym phrases rewritten to their head. Phrases
 * are found with diacritics unless the text was typed without them (`folded`), since folded
 * syllables collide across words ("hoạt động tình nguyện" holds "dong tinh").
 */
export function tokensOf(
  text: string,
  vocabulary: GroupingVocabulary,
  folded = typedWithoutDiacritics(text),
): string[] {
  return tokensOfWords(wordsOf(text), vocabulary, folded);
}

/** {@link tokensOf} for words already split. */
export function tokensOfWords(
  words: readonly Word[],
  vocabulary: GroupingVocabulary,
  folded: boolean,
): string[] {
  const expanded: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const pair = next !== undefined && word.abbreviationLike && next.abbreviationLike;
    const pairExpansion = pair ? vocabulary.abbreviations.get(`${word.folded} ${next.folded}`) : undefined;
    if (pairExpansion !== undefined) {
      expanded.push(...pairExpansion);
      i += 1;
      continue;
    }
    const expansion = word.abbreviationLike ? vocabulary.abbreviations.get(word.folded) : undefined;
    if (expansion !== undefined) expanded.push(...expansion);
    else expanded.push(word);
  }
  return rewritePhrases(expanded, vocabulary.synonyms, folded);
}

/** Replaces each phrase found (longest first at each position) by its canonical folded form. */
export function rewritePhrases(words: readonly Word[], phrases: PhraseTable, folded: boolean): string[] {
  const spelled = cueWords(words, folded);
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const candidates = phrases.byFirst.get(words[i]!.folded);
    let matched: { length: number; head: readonly string[] } | undefined;
    if (candidates !== undefined)
      for (const entry of candidates) {
        const phrase = folded ? entry.cue.folded : entry.cue.marked;
        if (matched !== undefined && matched.length >= phrase.length) break;
        if (phrase.every((w, k) => spelled[i + k] === w))
          matched = { length: phrase.length, head: entry.head };
      }
    if (matched === undefined) {
      out.push(words[i]!.folded);
      i += 1;
    } else {
      out.push(...matched.head);
      i += matched.length;
    }
  }
  return out;
}

/** Phrases indexed by their first folded word, longest first. */
export interface PhraseTable {
  readonly byFirst: ReadonlyMap<string, readonly { cue: Cue; head: readonly string[] }[]>;
}

/** Builds a phrase table from lists whose first entry is the canonical form. */
export function phraseTable(lists: readonly (readonly string[])[]): PhraseTable {
  const byFirst = new Map<string, { cue: Cue; head: string[] }[]>();
  for (const list of lists) {
    const head = foldPhrase(list[0]!);
    for (const phrase of list.slice(1)) {
      const cue = cueOf(phrase);
      if (cue.folded.length < 2) continue; // one folded syllable is too ambiguous to rewrite
      const entries = byFirst.get(cue.folded[0]!) ?? [];
      entries.push({ cue, head });
      byFirst.set(cue.folded[0]!, entries);
    }
  }
  for (const entries of byFirst.values()) entries.sort((a, b) => b.cue.folded.length - a.cue.folded.length);
  return { byFirst };
}

/** Where `phrase` first occurs in `tokens`, or -1. */
export function indexOfPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

/** True when `phrase` occurs in `tokens`. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  return indexOfPhrase(tokens, phrase) >= 0;
}

/**
 * A cue phrase in both spellings. Cues are short ("bỏ", "đồng tình"), and folded they collide
 * with other words ("bộ", "hoạt động tình nguyện"), so text typed with diacritics is matched
 * with them; only text typed without any is matched folded.
 */
export interface Cue {
  readonly marked: readonly string[];
  readonly folded: readonly string[];
}

/** A cue from its written (accented) form. */
export function cueOf(phrase: string): Cue {
  const words = wordsOf(phrase);
  return { marked: words.map((w) => w.marked), folded: words.map((w) => w.folded) };
}

/** The words of a text as cues are matched against: as typed, or folded if typed without diacritics. */
export function cueWords(words: readonly Word[], folded: boolean): string[] {
  return words.map((w) => (folded ? w.folded : w.marked));
}

/** Where a cue first occurs in cue words of the given spelling, or -1. */
export function indexOfCue(words: readonly string[], cue: Cue, folded: boolean): number {
  return indexOfPhrase(words, folded ? cue.folded : cue.marked);
}

/** Numbers in folded tokens ("9.1", "2020"). */
export function isNumber(token: string): boolean {
  return NUMBER.test(token);
}
