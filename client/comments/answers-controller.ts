import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoundOverview } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from '../api/api-client.ts';
import { roundsOverview } from '../rounds/rounds-api.ts';
import { listComments } from './comments-api.ts';
import { toThreads, type CommentThread } from './threads.ts';

/** A round the caller's organisation was invited to. */
export type InvitedRound = RoundOverview & { mine: NonNullable<RoundOverview['mine']> };

/** Where the answers page stands. */
export type AnswersLoad =
  | { state: 'loading' }
  | { state: 'error'; code: ErrorCode | 'network_error' }
  | {
      state: 'ready';
      /** The caller's rounds on this draft, newest first. */
      rounds: InvitedRound[];
      threads: CommentThread[];
      /** Section headings by id, in document order. */
      sections: ReadonlyMap<string, string>;
    };

/**
 * An organisation's own comments on a draft with the committee's answers, for its commenters;
 * the one view of a draft they keep after its round closes (the draft itself is then closed
 * to them). Read once per draft; the page offers a reload.
 */
export class AnswersController implements ReactiveController {
  /** The current load state. */
  value: AnswersLoad = { state: 'loading' };
  private loading = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads a draft's comments and rounds (again). */
  async load(draftId: string): Promise<void> {
    const ticket = ++this.loading;
    try {
      const [list, overview] = await Promise.all([listComments(draftId), roundsOverview()]);
      if (ticket !== this.loading) return;
      const rounds = overview.rounds
        .filter((r): r is InvitedRound => r.draft.id === draftId && r.mine !== null)
        .sort((a, b) => b.round.id - a.round.id);
      this.value = {
        state: 'ready',
        rounds,
        threads: toThreads(list.comments),
        sections: new Map(list.sections.map((s) => [s.id, s.title])),
      };
    } catch (error) {
      if (ticket !== this.loading) return;
      this.value = { state: 'error', code: error instanceof ApiError ? error.code : 'network_error' };
    }
    this.host.requestUpdate();
  }
}
