import { createHash } from 'node:crypto';
import {
  groupComments,
  type GroupingComment,
  type GroupingRequest,
  type GroupingResult,
} from './comment-grouping.ts';
import { profileOf, type CommentProfile } from './grouping-profile.ts';
import type { GroupingVocabulary } from './grouping-vocabulary.ts';

/** Rounds whose last grouping is kept (each a few hundred kilobytes for thousands of comments). */
const KEPT = 16;
/** Comments whose reading is kept: a bloc's busiest consultation rounds together. */
const PROFILES_KEPT = 50_000;

/**
 * The last groupings, by what they were computed from. The committee re-reads a round's table
 * after every answer, and an answer changes no text the grouping reads: hashing the request
 * (texts, places, saved groups, threshold) costs a few milliseconds where grouping 2,770
 * comments costs a few hundred. Any change to what grouping reads gives a new key.
 */
export class GroupingMemo {
  private readonly results = new Map<string, GroupingResult>();
  /** A comment's reading by its text and place: a new or edited comment is the only one read again. */
  private readonly profiles = new Map<string, CommentProfile>();

  constructor(private readonly vocabulary: GroupingVocabulary) {}

  group(request: GroupingRequest): GroupingResult {
    const key = createHash('sha256').update(JSON.stringify(request)).digest('base64');
    const kept = this.results.get(key);
    if (kept !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      this.results.delete(key);
      this.results.set(key, kept);
      return kept;
    }
    const result = groupComments(request, this.vocabulary, (c) => this.profile(c));
    this.results.set(key, result);
    if (this.results.size > KEPT) this.results.delete(this.results.keys().next().value!);
    return result;
  }

  private profile(comment: GroupingComment): CommentProfile {
    const key = JSON.stringify([
      comment.kind,
      comment.body,
      comment.quote,
      comment.suggestedText,
      comment.orgName,
    ]);
    let profile = this.profiles.get(key);
    if (profile === undefined) {
      profile = profileOf(comment, this.vocabulary);
      this.profiles.set(key, profile);
      if (this.profiles.size > PROFILES_KEPT) this.profiles.delete(this.profiles.keys().next().value!);
    }
    return profile;
  }
}
