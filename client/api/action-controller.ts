import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorMessage } from '../app/labels.ts';
import { ApiError } from './api-client.ts';

/**
 * One user action at a time against the API, for an element's buttons: `busy` while it runs
 * (to disable them), and `error`, the refusal or failure in words, until the next attempt.
 */
export class ActionController implements ReactiveController {
  /** An action is running. */
  busy = false;
  /** Why the last action failed, in the interface language; null after a success. */
  error: string | null = null;

  /**
   * `fallback` names a failure that is no answer of the server's (an answer of the wrong shape,
   * a bug): most elements call it a network error, some an internal one.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fallback: 'network_error' | 'internal_error' = 'network_error',
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs `action` unless one is running; an API refusal becomes `error`. */
  async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.set(true, null);
    try {
      await action();
      this.set(false, null);
    } catch (error) {
      this.set(false, errorMessage(error instanceof ApiError ? error.code : this.fallback));
    }
  }

  /** Shows a message of the element's own (a check before anything is sent). */
  fail(message: string | null): void {
    this.set(this.busy, message);
  }

  private set(busy: boolean, error: string | null): void {
    this.busy = busy;
    this.error = error;
    this.host.requestUpdate();
  }
}
