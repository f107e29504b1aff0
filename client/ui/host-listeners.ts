/**
 * Adds (or, with `on` false, removes) each listener of `listeners`, keyed by event type, on
 * `host`. The draft page's controllers handle what the elements they render send up this way:
 * those events are composed, so they reach the page's host from its shadow root.
 */
export function listenOn(host: EventTarget, listeners: object, on: boolean): void {
  for (const [type, listener] of Object.entries(listeners) as [string, EventListener][])
    if (on) host.addEventListener(type, listener);
    else host.removeEventListener(type, listener);
}
