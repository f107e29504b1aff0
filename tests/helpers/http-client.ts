import { TEST_ORIGIN } from './test-server.ts';
import type { Persona, Workspace } from './workspace.ts';

/**
 * Where API requests go: a listening test server (over the network) or a test app that
 * answers in-process (its own `fetch`).
 */
export interface ApiTarget {
  readonly httpUrl: string;
  readonly workspace: Workspace;
  fetch?(url: string, init?: RequestInit): Promise<Response>;
}

/** Options of {@link api}. */
export interface ApiOptions {
  method?: string;
  body?: unknown;
  /** A `Cookie` header value (from {@link signIn}). */
  cookie?: string;
  /** An API token, sent as `Authorization: Bearer`. */
  token?: string;
  /** The Origin header; defaults to the server's allowed origin; null leaves it out. */
  origin?: string | null;
  /** Content-Type; defaults to application/json when there is a body. */
  contentType?: string;
}

/** A request to the server's REST API, as a browser on the allowed origin would send it. */
export async function api(server: ApiTarget, path: string, options: ApiOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  if (options.body !== undefined || method !== 'GET')
    headers['content-type'] = options.contentType ?? 'application/json';
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const init = { method, headers, body };
  const url = `${server.httpUrl}/api${path}`;
  return server.fetch === undefined ? fetch(url, init) : server.fetch(url, init);
}

/** Signs a persona in; returns the `Cookie` header value of the new session. */
export async function signIn(server: ApiTarget, persona: Persona): Promise<string> {
  const response = await api(server, '/auth/sign-in', {
    body: { username: server.workspace.users[persona].username, password: server.workspace.password },
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${persona} failed: ${response.status} ${await response.text()}`);
  return cookieOf(response);
}

/** The `name=value` part of the response's Set-Cookie. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}
