import { vi } from 'vitest';

/** A stand-in EventSource whose events the test sends (the network boundary, like `fetch`). */
export class FakeEventSource extends EventTarget {
  /** Every stream the page opened during this test, oldest first. */
  static opened: FakeEventSource[] = [];
  closed = false;

  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }

  /** Delivers a server-sent event `name` with `data` as JSON. */
  emit(name: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(name, { data: JSON.stringify(data) }));
  }

  close(): void {
    this.closed = true;
  }
}

/** Replaces `EventSource` for this test (the project config restores it) and returns the opened streams. */
export function stubEventSource(): FakeEventSource[] {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  return FakeEventSource.opened;
}
