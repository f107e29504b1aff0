import type { ErrorCode } from '../../../shared/errors.ts';

/** A refusal on a collaboration connection; the connection closes with the code's close code. */
export class CollabError extends Error {
  override readonly name = 'CollabError';

  constructor(
    readonly code: ErrorCode,
    /** What exactly was wrong, for the log (never sent to the client). */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}
