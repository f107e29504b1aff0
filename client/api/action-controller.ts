import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorMessage } from '../app/labels.ts';
import { ApiError } from './api-client.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/** A failure's stable code, as `errorMessage` words it. */
export type FailureCode = ErrorCode | 'network_error';

/** The stable code of a failure: the server's refusal, or `fallback` for anything else (no answer, a bug). */
export function errorCode(
  error: unknown,
  fallback: 'network_error' | 'internal_error' = 'network_error',
): FailureCode {
  return error instanceof ApiError ? error.code : fallback;
}

/** A failure in the interface language (for loads, which are not user actions). */
export function failureMessage(
  error: unknown,
  fallback: 'network_error' | 'internal_error' = 'network_error',
): string {
  return errorMessage(errorCode(error, fallback));
}

/**
 * One user action at a time against the API, for an element's buttons: `busy` while it runs
 * (to disable them), and `error`, the refusal or failure in words, until the next attempt.
 */
export class ActionController implements ReactiveController {
  /** An action is running. */
  busy = false;
  /** Why the last action failed, in the interface language; null after a success. */
  error: string | null = null;
  /** The stable code of the last failure (the server's, or the fallback); null after a success. */
  code: FailureCode | null = null;

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

  /**
   * Runs `action` unless one is running; an API refusal becomes `error`. `word` lets an element
   * say more than the code's message (the fields at fault, what is missing); it gets the thrown
   * value and its code, and returns undefined to keep the code's message.
   */
  async run(
    action: () => Promise<void>,
    word?: (error: unknown, code: FailureCode) => string | undefined,
  ): Promise<void> {
    if (this.busy) return;
    this.set(true, null);
    try {
      await action();
      this.set(false, null);
    } catch (error) {
      const code = errorCode(error, this.fallback);
      this.set(false, word?.(error, code) ?? errorMessage(code), code);
    }
  }

  /** Shows a message of the element's own (a check before anything is sent). */
  fail(message: string | null): void {
    this.set(this.busy, message);
  }

  private set(busy: boolean, error: string | null, code: FailureCode | null = null): void {
    this.busy = busy;
    this.error = error;
    this.code = code;
    this.host.requestUpdate();
  }
}
