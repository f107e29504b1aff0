import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as Y from 'yjs';
import type { Round } from '../../shared/api/rounds.ts';
import { loadVersionState } from '../versions/versions-api.ts';
import { listRounds } from './rounds-api.ts';

/**
 * The text an invited organisation reads: the version its round sent out, as a Y.Doc of its
 * own that no socket changes. Comments are made on it with Yjs positions the live draft also
 * resolves (the version is an earlier state of the draft), so the committee sees them at the
 * same words in its current text.
 */
export class RoundTextController implements ReactiveController {
  /** The version's document; null until loaded (or when the draft has no round). */
  ydoc: Y.Doc | null = null;
  /** The round whose version is shown. */
  round: Round | null = null;
  /** Loading failed (the page says so and offers nothing to comment on). */
  failed = false;

  private draftId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // What was loaded stays valid while the page is detached: a version never changes.
  }

  hostDisconnected(): void {
    // Kept: the page may come back; `open` replaces it.
  }

  /** Loads the version of the draft's newest round. */
  async open(draftId: string): Promise<void> {
    this.draftId = draftId;
    this.ydoc?.destroy();
    this.ydoc = null;
    this.failed = false;
    try {
      const round = (await listRounds(draftId)).rounds[0]?.round ?? null;
      if (round === null || draftId !== this.draftId) return;
      const state = await loadVersionState(draftId, round.version);
      if (draftId !== this.draftId) return;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      this.round = round;
      this.ydoc = doc;
    } catch {
      if (draftId === this.draftId) this.failed = true;
    }
    this.host.requestUpdate();
  }
}
