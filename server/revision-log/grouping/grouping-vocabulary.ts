import { readFileSync } from 'node:fs';
import { z } from 'zod';
import shippedVocabulary from '../../../shared/grouping/vocabulary.vi.json' with { type: 'json' };
import {
  cueOf,
  foldPhrase,
  phraseTable,
  wordsOf,
  type Cue,
  type PhraseTable,
  type Word,
} from './grouping-text.ts';

/** The vocabulary file as written, in ordinary Vietnamese: see its `$comment`. */
const VocabularyFile = z.object({
  abbreviations: z.record(z.string(), z.string()),
  synonyms: z.array(z.array(z.string()).min(2)),
  agreement: z.array(z.string()),
  requests: z.array(z.string()),
  noRequest: z.array(z.string()),
  keep: z.array(z.string()),
  contrasts: z.array(z.tuple([z.string(), z.string()])),
  actions: z.array(z.array(z.string()).min(1)),
  figureCues: z.array(z.string()),
  stopwords: z.array(z.string()),
});

/** The vocabulary, ready to match: folded phrases for comparison, cues in both spellings. */
export interface GroupingVocabulary {
  /** Folded abbreviation (one word or a pair "kh dt") → the words of its expansion. */
  readonly abbreviations: ReadonlyMap<string, readonly Word[]>;
  readonly synonyms: PhraseTable;
  readonly agreement: readonly Cue[];
  readonly requests: readonly Cue[];
  /** Longest first, so "không có ý kiến khác" is found before "không có ý kiến". */
  readonly noRequest: readonly Cue[];
  readonly keep: readonly Cue[];
  readonly contrasts: readonly (readonly [Cue, Cue])[];
  /** Kinds of action, each with the cues that name it. */
  readonly actions: readonly (readonly Cue[])[];
  readonly figureCues: ReadonlySet<string>;
  /** Folded phrases, longest first. */
  readonly stopwords: readonly (readonly string[])[];
}

/**
 * The Party vocabulary shipped in `shared/grouping/vocabulary.vi.json`, or a unit's own file.
 * The shipped one is imported (not read by path) so the compiled build carries it along.
 */
export function loadVocabulary(file?: URL | string): GroupingVocabulary {
  const json: unknown = file === undefined ? shippedVocabulary : JSON.parse(readFileSync(file, 'utf8'));
  const parsed = VocabularyFile.parse(json);
  const cues = (list: readonly string[]) => list.map(cueOf).filter((c) => c.marked.length > 0);
  return {
    abbreviations: new Map(
      Object.entries(parsed.abbreviations).map(([k, v]) => [foldPhrase(k).join(' '), wordsOf(v)]),
    ),
    synonyms: phraseTable(parsed.synonyms),
    agreement: cues(parsed.agreement),
    requests: cues(parsed.requests),
    noRequest: cues(parsed.noRequest).sort((a, b) => b.marked.length - a.marked.length),
    keep: cues(parsed.keep),
    contrasts: parsed.contrasts.map(([a, b]) => [cueOf(a), cueOf(b)] as const),
    actions: parsed.actions.map(cues),
    figureCues: new Set(parsed.figureCues.flatMap(foldPhrase)),
    stopwords: parsed.stopwords.map(foldPhrase).sort((a, b) => b.length - a.length),
  };
}
