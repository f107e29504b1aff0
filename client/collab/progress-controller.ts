import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftProgress } from '../../shared/api/progress.ts';
import { request } from '../api/api-client.ts';

/**
 * A draft's section progress, kept current: one `GET …/progress`, then the server-sent
 * `progress` events of `GET …/events`. The EventSource is closed when the host leaves the
 * DOM, so a closed page holds no stream (and the server stops recomputing for it).
 */
export class ProgressController implements ReactiveController {
  /** The latest progress; null until the first answer. */
  progress: DraftProgress | null = null;

  private source: EventSource | null = null;
  private draftId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts following a draft (replacing any previous one). */
  watch(draftId: string): void {
    this.stop();
    this.draftId = draftId;
    this.progress = null;
    this.start();
  }

  hostConnected(): void {
    if (this.draftId !== null && this.source === null) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    const draftId = this.draftId;
    if (draftId === null) return;
    request(`/drafts/${draftId}/progress`, DraftProgress).then(
      // An event may have arrived first; it is newer than this answer.
      (progress) => this.progress === null && draftId === this.draftId && this.set(progress),
      () => undefined, // the page reports load errors; the stream may still deliver
    );
    const source = new EventSource(`/api/drafts/${encodeURIComponent(draftId)}/events`);
    source.addEventListener('progress', (event) => {
      const parsed = DraftProgress.safeParse(parseJSON((event as MessageEvent<string>).data));
      if (parsed.success) this.set(parsed.data);
    });
    this.source = source;
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
  }

  private set(progress: DraftProgress): void {
    this.progress = progress;
    this.host.requestUpdate();
  }
}

/** JSON or undefined: a garbled event is skipped, the next one carries the full state again. */
function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
