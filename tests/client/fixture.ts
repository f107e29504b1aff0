import type { LitElement } from 'lit';
import { expect, onTestFinished, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';

type Tag = keyof HTMLElementTagNameMap;

/** Creates an element, sets its properties, attaches it to the page and waits for its first render. */
export async function mount<K extends Tag>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  document.body.append(element);
  await settle(element);
  return element;
}

/** Waits until a Lit element (and any Lit element inside its shadow root) has rendered its last change. */
export async function settle(element: Element): Promise<void> {
  await (element as LitElement).updateComplete;
  for (const inner of element.shadowRoot?.querySelectorAll('*') ?? [])
    if ('updateComplete' in inner) await (inner as LitElement).updateComplete;
}

/** The one element matching `selector` in the shadow root of `host`; fails the test if there is none. */
export function find<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (found === null || found === undefined) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

/** Every element matching `selector` in the shadow root of `host`. */
export function findAll<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** Text with runs of whitespace collapsed, as a reader sees it. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Records every `type` event that reaches the document during this test. Listening there, not on
 * the element, checks that the event bubbles out as the app's shell expects.
 */
export function captureEvents<K extends keyof HTMLElementEventMap>(type: K): HTMLElementEventMap[K][] {
  const seen: HTMLElementEventMap[K][] = [];
  const listener = (event: Event) => seen.push(event as HTMLElementEventMap[K]);
  document.addEventListener(type, listener);
  onTestFinished(() => document.removeEventListener(type, listener));
  return seen;
}

/** One request as it left the page through `window.fetch`. */
export interface SentRequest {
  method: string;
  /** Path and query, e.g. `/api/drafts`. */
  path: string;
  headers: Headers;
  credentials: RequestCredentials;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

/** Answers one request; `undefined` means "no such route" (a 404 as the server sends it). */
export type Route = (request: SentRequest) => Response | Promise<Response> | undefined;

/**
 * Replaces `window.fetch` (the network, not our code) with `route` and records every request.
 * The project config sets `unstubGlobals`, so the real fetch is back before the next test.
 */
export function stubFetch(route: Route): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    // Recorded synchronously, as the call is made: a test can check right after a click that nothing was sent.
    if (input instanceof Request || (init.body != null && typeof init.body !== 'string'))
      throw new Error('the stub reads fetch(url, { body: string }), as api-client.ts calls it');
    const request = new Request(new URL(input, location.href), init);
    const url = new URL(request.url);
    const entry: SentRequest = {
      method: request.method,
      path: url.pathname + url.search,
      headers: request.headers,
      credentials: request.credentials,
      body:
        typeof init.body === 'string' && init.body !== '' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    sent.push(entry);
    return Promise.resolve(route(entry)).then(
      (response) =>
        response ?? json(404, { error: { code: 'not_found', message: `no route ${entry.path}` } }),
    );
  });
  return sent;
}

/** A JSON response, as the API sends it. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A promise with its resolver outside, to hold a response back until the test lets it go. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits until `check` stops throwing (for renders that follow a network answer). */
export function eventually(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 2000, interval: 10 });
}

/** Vitest's default viewport, which the next test gets back. */
const DEFAULT_VIEWPORT = { width: 414, height: 896 };

/** Resizes the page's frame to `width` (media queries and `matchMedia` follow) for this test only. */
export async function viewport(width: number, height = 800): Promise<void> {
  await page.viewport(width, height);
  onTestFinished(() => page.viewport(DEFAULT_VIEWPORT.width, DEFAULT_VIEWPORT.height));
}

/**
 * Answers the in-app question (`<vk-dialog>`) the page is showing, typing `text` first if
 * given; returns the question. Fails the test when no dialog opens.
 */
export async function answerDialog(accept: boolean, text?: string): Promise<string> {
  await eventually(() => expect(document.querySelector('vk-dialog')).not.toBeNull());
  const dialog = document.querySelector('vk-dialog')!;
  await settle(dialog);
  const message = textOf(find(dialog, 'p'));
  if (text !== undefined) await userEvent.fill(find(dialog, 'textarea'), text);
  await userEvent.click(find(dialog, accept ? 'button[type="submit"]' : 'button[type="button"]'));
  await eventually(() => expect(document.querySelector('vk-dialog')).toBeNull());
  return message;
}

/**
 * What a test drives in a form dialog: the `<dialog>` itself, a field by name, the submit button,
 * and the alert text (all alerts joined; '' when there is none).
 */
export function dialogControls(host: Element) {
  return {
    modal: find<HTMLDialogElement>(host, 'dialog'),
    field: (name: string) => find<HTMLInputElement>(host, `[name="${name}"]`),
    submit: () => userEvent.click(find(host, 'button[type="submit"]')),
    alert: () => findAll(host, '[role="alert"]').map(textOf).join(''),
  };
}
