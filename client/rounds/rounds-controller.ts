import type { ReactiveControllerHost } from 'lit';
import { CommentEvent, RoundEvent } from '../../shared/api/events.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type { RoundDashboard, RoundList } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError } from '../api/api-client.ts';
import type { EventStream } from '../api/event-stream.ts';
import { loadDraft } from '../drafts/drafts-api.ts';
import { LiveDraftController } from '../drafts/live-draft-controller.ts';
import { listRounds, loadDashboard } from './rounds-api.ts';

/** A draft's rounds with their tallies, newest first. */
export type RoundRows = RoundList['rounds'];

/** Where the rounds page stands. */
export type RoundsLoad =
  | { state: 'loading' }
  | { state: 'error'; code: ErrorCode | 'network_error'; status: number }
  | {
      state: 'ready';
      draft: Draft;
      rounds: RoundRows;
      /** The round shown (the one asked for, else the newest); null when there is none. */
      dashboard: RoundDashboard | null;
      /** Why the asked-for round could not be shown. */
      dashboardError: ErrorCode | 'network_error' | null;
    };

/** Comment counts change often while a round runs; the dashboard is re-read at most this often. */
const COMMENT_REFRESH_MS = 3000;

/**
 * A draft's rounds and one round's dashboard, kept live by the `round` and `comment` events of
 * the draft's event stream (one EventSource, closed when the page leaves the DOM). A submission
 * patches its one row in place, so a 277-row dashboard does not reload for each organisation.
 */
export class RoundsController extends LiveDraftController {
  /** The current load state. */
  value: RoundsLoad = { state: 'loading' };

  private roundId: number | null = null;

  constructor(host: ReactiveControllerHost) {
    super(host, COMMENT_REFRESH_MS);
  }

  /** Loads a draft's rounds and shows `roundId` (or the newest), then follows the draft's events. */
  open(draftId: string, roundId: number | null): void {
    this.roundId = roundId;
    this.set({ state: 'loading' });
    this.follow(draftId);
  }

  /** Shows another round of the same draft (null: the newest). */
  select(roundId: number | null): void {
    this.roundId = roundId;
    void this.reload();
  }

  protected resume(draftId: string): void {
    this.open(draftId, this.roundId);
  }

  protected listen(stream: EventStream): void {
    stream.on('round', RoundEvent, (event) => this.onRound(event));
    stream.on('comment', CommentEvent, () => this.scheduleReload());
  }

  /** Takes a dashboard the server just answered (a round opened, extended or closed here). */
  apply(dashboard: RoundDashboard): void {
    const value = this.value;
    if (value.state !== 'ready') return;
    const rounds = withRow(value.rounds, { round: dashboard.round, tally: dashboard.tally });
    this.roundId = dashboard.round.id;
    this.set({ ...value, rounds, dashboard, dashboardError: null });
  }

  protected async load(draftId: string, current: () => boolean): Promise<void> {
    try {
      const [draft, list] = await Promise.all([loadDraft(draftId), listRounds(draftId)]);
      const id = this.roundId ?? list.rounds[0]?.round.id ?? null;
      let dashboard: RoundDashboard | null = null;
      let dashboardError: ErrorCode | 'network_error' | null = null;
      // The dashboard is the committee's and overseers'; a commenter sees the list only.
      if (id !== null && draft.access !== 'comment')
        dashboard = await loadDashboard(draftId, id).catch((error: unknown) => {
          dashboardError = error instanceof ApiError ? error.code : 'network_error';
          return null;
        });
      if (!current()) return;
      this.set({ state: 'ready', draft, rounds: list.rounds, dashboard, dashboardError });
    } catch (error) {
      if (!current()) return;
      this.set(
        error instanceof ApiError
          ? { state: 'error', code: error.code, status: error.status }
          : { state: 'error', code: 'network_error', status: 0 },
      );
    }
  }

  private onRound(event: RoundEvent): void {
    const value = this.value;
    if (value.state !== 'ready') return;
    const rounds = withRow(value.rounds, { round: event.round, tally: event.tally });
    const shown = value.dashboard;
    if (shown === null || shown.round.id !== event.round.id) {
      this.set({ ...value, rounds });
      // The first round of the draft, opened elsewhere while this page showed "none yet".
      if (shown === null && this.roundId === null) void this.reload();
      return;
    }
    if (event.action === 'submitted' && event.invitation !== null) {
      const invitation = event.invitation;
      const invitations = shown.invitations.map((i) => (i.orgId === invitation.orgId ? invitation : i));
      this.set({ ...value, rounds, dashboard: { round: event.round, tally: event.tally, invitations } });
      return;
    }
    // A new deadline or a closing changes every row's "overdue": read them again.
    this.set({ ...value, rounds, dashboard: { ...shown, round: event.round, tally: event.tally } });
    void this.reload();
  }

  private set(value: RoundsLoad): void {
    this.value = value;
    this.host.requestUpdate();
  }
}

/** The list with `row` replacing its namesake, or first when it is new (the list is newest first). */
function withRow(rounds: RoundRows, row: RoundRows[number]): RoundRows {
  return rounds.some((r) => r.round.id === row.round.id)
    ? rounds.map((r) => (r.round.id === row.round.id ? row : r))
    : [row, ...rounds];
}
