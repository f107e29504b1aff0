import {
  cueWords,
  indexOfCue,
  isNumber,
  tokensOf,
  tokensOfWords,
  typedWithoutDiacritics,
  wordsOf,
  type Cue,
  type Word,
} from './grouping-text.ts';
import type { GroupingVocabulary } from './grouping-vocabulary.ts';

/** A comment as grouping sees it: the same for the server and the corpus command. */
export interface GroupingComment {
  /** Section of the draft it is anchored in; null for the whole document. */
  readonly sectionId: string | null;
  readonly kind: 'comment' | 'suggestion';
  readonly body: string;
  /** The quoted words of the draft, if any. */
  readonly quote: string | null;
  /** A suggestion's proposed wording for the quote ('' asks to delete it). */
  readonly suggestedText: string | null;
  /** The organisation's name: its words say who asks, not what is asked. */
  readonly orgName?: string;
}

/** What a comment asks, in the terms that grouping compares. */
export interface CommentProfile {
  /** Content tokens of the request (agreement clauses, the sender's name and stopwords out). */
  readonly request: readonly string[];
  /** Words a suggestion adds to or removes from the quote. */
  readonly change: readonly string[];
  /** Content tokens of the quoted draft text. */
  readonly quote: readonly string[];
  /** Says only that the sender agrees; asks for nothing. */
  readonly agreementOnly: boolean;
  /** Asks to keep the text as it is. */
  readonly keep: boolean;
  /** Figures the comment proposes ("sửa thành 9,1%"): two different ones are two requests. */
  readonly figures: ReadonlySet<string>;
  /** A suggestion that only changes figures: a correction of the numbers, nothing else. */
  readonly correctsFigure: boolean;
  /** Proper names the request mentions (capitalised words past a sentence's start), folded. */
  readonly names: ReadonlySet<string>;
  /** Kinds of action asked (indices into the vocabulary's `actions`). */
  readonly actions: ReadonlySet<number>;
  /** For each contrast pair of the vocabulary: 1 only the first side named, 2 only the second, 0 otherwise. */
  readonly sides: readonly number[];
}

const NAME = /(?<=[\p{L}\p{N},;)]\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*)*(?:\s+\p{Ll}+)?/gu;

/**
 * Named organisations and bodies ("Đoàn Thanh niên", "Hội Cựu chiến binh"): capitalised words
 * not at a sentence's start. Two requests naming different bodies are about different objects.
 * The sender's own name says who asks where it comes before the request ("Qua nghiên cứu, Chi
 * bộ … nhận thấy"), but what is asked about once it follows a request cue ("đề nghị bổ sung kết
 * quả của Đoàn Thanh niên", sent by that Đoàn Thanh niên): a body asking for its own results
 * is as much a different object as any other body.
 */
function namesOf(body: string, orgName: string | undefined, vocabulary: GroupingVocabulary): Set<string> {
  const own = orgName === undefined ? '' : tokensOf(orgName, vocabulary).join(' ');
  const folded = typedWithoutDiacritics(body);
  const names = new Set<string>();
  for (const sentence of body.normalize('NFC').split(/[.;:!?]\s+/u))
    for (const match of sentence.matchAll(NAME)) {
      const name = tokensOf(match[0], vocabulary).slice(0, 3).join(' ');
      if (name === '') continue;
      if (own.includes(name)) {
        const before = cueWords(wordsOf(sentence.slice(0, match.index)), folded);
        if (!vocabulary.requests.some((c) => indexOfCue(before, c, folded) >= 0)) continue;
      }
      names.add(name);
    }
  return names;
}

const CLAUSE_BREAK = /[.;:!?\n]+|\b(?:tuy nhiên|nhưng|song|tuy vậy|tuy nhien|nhung|tuy vay)\b/giu;

/** Builds the profile of one comment. */
export function profileOf(comment: GroupingComment, vocabulary: GroupingVocabulary): CommentProfile {
  const folded = typedWithoutDiacritics(comment.body);
  const has = (words: readonly string[], cue: Cue) => indexOfCue(words, cue, folded) >= 0;
  const name = comment.orgName === undefined ? [] : tokensOf(comment.orgName, vocabulary);
  const clauses = comment.body
    .split(CLAUSE_BREAK)
    .map((clause) => untilNoRequest(wordsOf(clause), vocabulary.noRequest, folded))
    .filter((words) => words.length > 0);
  const agrees = (w: readonly Word[]) => vocabulary.agreement.some((c) => has(cueWords(w, folded), c));
  const asks = (w: readonly Word[]) => vocabulary.requests.some((c) => has(cueWords(w, folded), c));
  // A clause that agrees and asks nothing ("Chi bộ cơ bản nhất trí với dự thảo, tuy nhiên …")
  // is a stock opener: it must not pull unrelated requests together.
  const requestClauses = clauses.filter((w) => !(agrees(w) && !asks(w)));
  const agreementOnly = clauses.some(agrees) && !clauses.some(asks) && comment.kind !== 'suggestion';
  const kept = agreementOnly ? clauses : requestClauses;
  const requestWords = cueWords(kept.flat(), folded);
  const requestTokens = kept.flatMap((w) => withoutPhrase(tokensOfWords(w, vocabulary, folded), name));
  const quoteTokens = comment.quote === null ? [] : tokensOf(comment.quote, vocabulary, false);
  const suggested =
    comment.suggestedText === null ? null : tokensOf(comment.suggestedText, vocabulary, false);
  const change = suggested === null ? [] : symmetricDifference(quoteTokens, suggested);
  const content = (tokens: readonly string[]) => withoutPhrases(tokens, vocabulary.stopwords);
  const actions = new Set<number>();
  vocabulary.actions.forEach((cues, k) => {
    if (cues.some((c) => has(requestWords, c))) actions.add(k);
  });
  return {
    request: content(requestTokens),
    change: content(change),
    quote: content(quoteTokens),
    agreementOnly,
    keep: vocabulary.keep.some((c) => has(requestWords, c)),
    correctsFigure: change.length > 0 && change.every(isNumber),
    names: namesOf(comment.body, comment.orgName, vocabulary),
    figures: proposedFigures(requestTokens, quoteTokens, suggested, vocabulary),
    actions,
    sides: vocabulary.contrasts.map(([a, b]) => {
      const hasA = has(requestWords, a);
      const hasB = has(requestWords, b);
      return hasA === hasB ? 0 : hasA ? 1 : 2;
    }),
  };
}

/** A clause's words up to a phrase saying there is no request ("không có ý kiến khác, …"). */
function untilNoRequest(words: Word[], cues: readonly Cue[], folded: boolean): Word[] {
  const spelled = cueWords(words, folded);
  let end = words.length;
  for (const cue of cues) {
    const at = indexOfCue(spelled, cue, folded);
    if (at >= 0 && at < end) end = at;
  }
  return words.slice(0, end);
}

function withoutPhrase(tokens: readonly string[], phrase: readonly string[]): string[] {
  if (phrase.length === 0) return [...tokens];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (phrase.every((w, k) => tokens[i + k] === w)) {
      i += phrase.length - 1;
      continue;
    }
    out.push(tokens[i]!);
  }
  return out;
}

/** The tokens without any of the phrases (longest first at each position). */
function withoutPhrases(tokens: readonly string[], phrases: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = phrases.find((p) => p[0] === tokens[i] && p.every((w, k) => tokens[i + k] === w));
    if (found === undefined) out.push(tokens[i]!);
    else i += found.length - 1;
  }
  return out;
}

/** Tokens in one list and not the other (a suggestion's edit), in order of appearance. */
function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [...a.filter((t) => !inB.has(t)), ...b.filter((t) => !inA.has(t))];
}

/**
 * Figures proposed: a suggestion's numbers that the quote lacks; in a comment, numbers right
 * after a cue word ("thành", "là", "xuống") that the quote does not already hold.
 */
function proposedFigures(
  request: readonly string[],
  quote: readonly string[],
  suggested: readonly string[] | null,
  vocabulary: GroupingVocabulary,
): Set<string> {
  const inQuote = new Set(quote.filter(isNumber));
  if (suggested !== null) return new Set(suggested.filter((t) => isNumber(t) && !inQuote.has(t)));
  const figures = new Set<string>();
  for (let i = 1; i < request.length; i++) {
    const token = request[i]!;
    if (!isNumber(token) || inQuote.has(token)) continue;
    const before = request.slice(Math.max(0, i - 2), i);
    if (before.some((w) => vocabulary.figureCues.has(w))) figures.add(token);
  }
  return figures;
}
