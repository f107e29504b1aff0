import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import {
  BusyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from '../../../server/http/app-error.ts';
import { errorHandler } from '../../../server/http/on-error.ts';
import { captureLogger } from '../../helpers/capture-logger.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const apps = useTestApp();

/** A Hono app with the server's error handler and routes that throw what the test gives them. */
function appThrowing(error: unknown) {
  const log = captureLogger();
  const hono = new Hono();
  hono.get('/boom', () => {
    throw error;
  });
  hono.onError(errorHandler(log));
  return { hono, logs: log.entries };
}

describe('errors become JSON answers', () => {
  it('an unexpected exception in a route is a 500 with a stable code, no stack or message leaked, and is logged', async () => {
    const secret = new TypeError('cannot read properties of undefined (reading "ownerId") at /srv/vankien');
    const { hono, logs } = appThrowing(secret);
    const response = await hono.request('/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    expect(text).not.toContain('ownerId');
    expect(text).not.toContain('/srv/vankien');
    expect(text).not.toMatch(/\bat\b.*:\d+:\d+/); // no stack frame
    const logged = logs.filter((entry) => entry.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      msg: 'unhandled request error',
      fields: { err: secret, path: '/boom' },
    });
  });

  it('a known error keeps its own status and code and is not logged as a crash', async () => {
    const { hono, logs } = appThrowing(new NotFoundError('draft_not_found', 'No such draft'));
    const response = await hono.request('/boom');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('draft_not_found');
    expect(logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('each kind of error has its status, its name in the logs, and Retry-After where it says when', async () => {
    const kinds = [
      [new ValidationError('validation_failed', 'x'), 400, 'ValidationError', null],
      [new UnauthenticatedError('unauthenticated', 'x'), 401, 'UnauthenticatedError', null],
      [new ForbiddenError('forbidden', 'x'), 403, 'ForbiddenError', null],
      [new NotFoundError('not_found', 'x'), 404, 'NotFoundError', null],
      [new ConflictError('conflict', 'x'), 409, 'ConflictError', null],
      [new PayloadTooLargeError('payload_too_large', 'x'), 413, 'PayloadTooLargeError', null],
      [new TooManyRequestsError('too_many_requests', 'x', 7), 429, 'TooManyRequestsError', '7'],
      [new UnavailableError('room_unavailable', 'x'), 503, 'UnavailableError', null],
      [new BusyError('export_busy', 'x', 3), 503, 'BusyError', '3'],
    ] as const;
    for (const [error, status, name, retryAfter] of kinds) {
      const response = await appThrowing(error).hono.request('/boom');
      expect([error.name, response.status, response.headers.get('retry-after')]).toEqual([
        name,
        status,
        retryAfter,
      ]);
    }
  });

  it("Hono's own 5xx exceptions are crashes too, answered without their message", async () => {
    const { hono, logs } = appThrowing(
      new HTTPException(502, { message: 'upstream said something private' }),
    );
    const response = await hono.request('/boom');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('private');
    expect(logs.filter((entry) => entry.level === 'error')).toHaveLength(1);
  });

  it('in the assembled app, a route whose database is gone answers 500 internal_error and logs it', async () => {
    const app = await apps.start();
    await app.database.close();
    const response = await api(app, '/drafts', { token: app.workspace.users.editor.token });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal_error', message: 'Internal server error' },
    });
    expect(app.logs.some((entry) => entry.level === 'error' && entry.msg === 'unhandled request error')).toBe(
      true,
    );
  });
});
