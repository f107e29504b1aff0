import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTP_LIMITS } from '../../shared/limits.ts';
import { PayloadTooLargeError } from './app-error.ts';

/** Routes that take more than a JSON request's limit: method, path, limit in bytes. */
const LARGER_BODIES: readonly { method: string; path: string; maxBytes: number }[] = [
  { method: 'POST', path: '/api/templates', maxBytes: HTTP_LIMITS.templateImportBytes },
];

/**
 * Bounds every request body before anything reads it (issue 18): a declared Content-Length
 * above the limit is refused at once, and a chunked body is counted while it is read and
 * refused as soon as it passes the limit, so at most the limit is ever buffered. The 413
 * closes the connection: the rest of a large body is not worth reading.
 */
export function requestBodyLimit(): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  const limiter = (maxBytes: number): MiddlewareHandler => {
    let found = limiters.get(maxBytes);
    if (found === undefined) {
      found = bodyLimit({
        maxSize: maxBytes,
        onError: (c) => {
          c.header('Connection', 'close');
          throw new PayloadTooLargeError(
            'payload_too_large',
            `Request body too large: at most ${maxBytes} bytes here`,
          );
        },
      });
      limiters.set(maxBytes, found);
    }
    return found;
  };
  return (c, next) => {
    const larger = LARGER_BODIES.find((r) => r.method === c.req.method && r.path === c.req.path);
    return limiter(larger?.maxBytes ?? HTTP_LIMITS.jsonBodyBytes)(c, next);
  };
}
