import type { z } from 'zod';
import { ErrorResponse } from '../../shared/api/error.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/** A refused or failed API call, with the server's stable error code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    /** From `Retry-After` on 429 and 503 answers: when trying again makes sense, in seconds. */
    readonly retryAfterS: number | null = null,
    /** The input fields a validation failure is about, and what keeps a draft from being final. */
    readonly details: { fields?: string[] | undefined; missing?: string[] | undefined } = {},
  ) {
    super(message);
  }
}

/**
 * The one way to build an API path: each segment (ids, usernames, section ids) encoded, so a
 * `/`, `?` or `#` in a value never changes the route. `query` leaves out undefined values.
 */
export function apiPath(
  segments: readonly (string | number)[],
  query: Record<string, string | number | boolean | undefined> = {},
): string {
  const path = segments.map((segment) => `/${encodeURIComponent(String(segment))}`).join('');
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  return search.size === 0 ? path : `${path}?${search.toString()}`;
}

/** The browser URL of an API path, for links, downloads and event streams (request adds it itself). */
export function apiUrl(path: string): string {
  return `/api${path}`;
}

/** Options of {@link request}. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
}

/**
 * Calls the REST API with the session cookie and parses the answer with the shared schema,
 * so client and server agree on every shape. State-changing calls send JSON (the server's
 * CSRF guard requires it; the browser adds the Origin).
 */
export async function request<T extends z.ZodType>(
  path: string,
  schema: T,
  options: RequestOptions = {},
): Promise<z.infer<T>> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const response = await fetchOk(apiUrl(path), {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
  });
  if (response.status === 204) return schema.parse(undefined);
  return schema.parse(await response.json());
}

/**
 * `fetch` with the session cookie that answers only a successful response: a network failure
 * or a refusal becomes an ApiError with the server's code (for callers that read the body
 * themselves, such as a download with progress).
 */
export async function fetchOk(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'network_error', (error as Error).message);
  }
  if (response.ok) return response;
  const parsed = ErrorResponse.safeParse(await response.json().catch(() => null));
  const retry = Number(response.headers.get('retry-after') ?? Number.NaN);
  if (parsed.success)
    throw new ApiError(
      response.status,
      parsed.data.error.code,
      parsed.data.error.message,
      Number.isFinite(retry) ? retry : null,
      { fields: parsed.data.error.fields, missing: parsed.data.error.missing },
    );
  throw new ApiError(response.status, 'internal_error', response.statusText);
}
