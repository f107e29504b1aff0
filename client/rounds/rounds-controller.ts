import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Draft } from '../../shared/api/drafts.ts';
import { CommentEvent, RoundEvent } from '../../shared/api/events.ts';
import { RoundDashboard, RoundList } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { ApiError, request } from '../api/api-client.ts';
import { EventStream } from '../api/event-stream.ts';

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
export class RoundsController implements ReactiveController {
  /** The current load state. */
  value: RoundsLoad = { state: 'loading' };

  private draftId: string | null = null;
  private roundId: number | null = null;
  private stream: EventStream | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every load, so a slow answer never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.draftId !== null && this.stream === null) this.open(this.draftId, this.roundId);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Loads a draft's rounds and shows `roundId` (or the newest), then follows the draft's events. */
  open(draftId: string, roundId: number | null): void {
    this.stop();
    this.draftId = draftId;
    this.roundId = roundId;
    this.set({ state: 'loading' });
    void this.load();
    const stream = new EventStream(`/api/drafts/${encodeURIComponent(draftId)}/events`);
    stream.on('round', RoundEvent, (event) => this.onRound(event));
    stream.on('comment', CommentEvent, () => this.scheduleRefresh());
    // Events may have been missed while the stream was down.
    stream.onReopen(() => void this.load());
    this.stream = stream;
  }

  /** Shows another round of the same draft (null: the newest). */
  select(roundId: number | null): void {
    this.roundId = roundId;
    void this.load();
  }

  /** Takes a dashboard the server just answered (a round opened, extended or closed here). */
  apply(dashboard: RoundDashboard): void {
    const value = this.value;
    if (value.state !== 'ready') return;
    const rounds = withRow(value.rounds, { round: dashboard.round, tally: dashboard.tally });
    this.roundId = dashboard.round.id;
    this.set({ ...value, rounds, dashboard, dashboardError: null });
  }

  private async load(): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null) return;
    const generation = ++this.generation;
    const base = `/drafts/${encodeURIComponent(draftId)}`;
    try {
      const [draft, list] = await Promise.all([request(base, Draft), request(`${base}/rounds`, RoundList)]);
      const id = this.roundId ?? list.rounds[0]?.round.id ?? null;
      let dashboard: RoundDashboard | null = null;
      let dashboardError: ErrorCode | 'network_error' | null = null;
      // The dashboard is the committee's and overseers'; a commenter sees the list only.
      if (id !== null && draft.access !== 'comment')
        dashboard = await request(`${base}/rounds/${id}`, RoundDashboard).catch((error: unknown) => {
          dashboardError = error instanceof ApiError ? error.code : 'network_error';
          return null;
        });
      if (generation !== this.generation) return;
      this.set({ state: 'ready', draft, rounds: list.rounds, dashboard, dashboardError });
    } catch (error) {
      if (generation !== this.generation) return;
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
      if (shown === null && this.roundId === null) void this.load();
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
    void this.load();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== null) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.load();
    }, COMMENT_REFRESH_MS);
  }

  private stop(): void {
    this.stream?.close();
    this.stream = null;
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.generation++;
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
