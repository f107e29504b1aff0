import type { DiscussionMember } from '../../shared/api/discussions.ts';
import { foldText } from '../editor/find-text.ts';

/** An @mention being typed: where its `@` is and what follows it up to the caret. */
export interface MentionQuery {
  at: number;
  text: string;
}

/**
 * The mention being typed just before `caret`, if any: an `@` at the start or after a space,
 * followed by up to four words (Vietnamese names have several) and no line break.
 */
export function mentionQuery(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const match = /(?:^|\s)@([^\s@]*(?: [^\s@]+){0,3} ?)$/u.exec(before);
  if (match === null) return null;
  const text = match[1]!;
  return { at: caret - text.length - 1, text };
}

/** Members whose name matches what was typed, ignoring case and diacritics (“binh” finds “Bình”). */
export function matchMembers(members: readonly DiscussionMember[], text: string): DiscussionMember[] {
  const query = foldText(text.trim());
  if (query === '') return [...members];
  return members.filter((m) => {
    const name = foldText(m.name);
    return (
      name.startsWith(query) || name.split(' ').some((word) => word.startsWith(query)) || name.includes(query)
    );
  });
}

/** The members named as `@Full Name` in a message (what the server is told to notify). */
export function mentionedIn(value: string, members: readonly DiscussionMember[]): number[] {
  return members.filter((m) => value.includes(`@${m.name}`)).map((m) => m.id);
}
