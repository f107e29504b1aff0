import type { Disposition } from '../../shared/api/comments.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { ValidationError } from '../http/app-error.ts';

/** A tag, a comment or a doctype: comments are plain text, and markup is refused rather than stored. */
const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>/i;
/** Control characters other than tab and newline. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * A comment's text, trimmed and checked: not empty (unless `allowEmpty`), not over the
 * limit, no HTML, no control characters. Windows line ends become `\n`.
 */
export function checkText(raw: string, what: string, options: { max: number; allowEmpty?: boolean }): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '' && options.allowEmpty !== true)
    throw new ValidationError('comment_empty', `The ${what} is empty`);
  if (text.length > options.max)
    throw new ValidationError(
      'comment_too_long',
      `The ${what} has ${text.length} characters; at most ${options.max}`,
    );
  if (MARKUP.test(text))
    throw new ValidationError('comment_html', `The ${what} contains HTML; write plain text`);
  if (CONTROL.test(text))
    throw new ValidationError('validation_failed', `The ${what} contains control characters`);
  return text;
}

/** A comment or reply body. */
export const checkBody = (raw: string, allowEmpty = false) =>
  checkText(raw, 'comment', { max: COMMENT_LIMITS.bodyMax, allowEmpty });

/** A suggestion's replacement text (may be empty: "delete this"). */
export const checkReplacement = (raw: string) =>
  checkText(raw, 'replacement', { max: COMMENT_LIMITS.replacementMax, allowEmpty: true });

/** The committee's note with an answer: required for giải trình (the reason) and tiếp thu một phần. */
export const checkAnswerNote = (value: Disposition, raw: string | undefined) =>
  checkText(raw ?? '', 'note', {
    max: COMMENT_LIMITS.bodyMax,
    allowEmpty: value !== 'explained' && value !== 'partly',
  });
