import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Smaller bodies cost more to compress than they save on the wire. */
const THRESHOLD_BYTES = 1024;
/** Answers built per request; server-sent events (streamed) and binary files are never buffered. */
const COMPRESSIBLE = /^(application\/json|text\/html|text\/plain|text\/markdown|text\/csv|image\/svg\+xml)\b/;

/**
 * Compresses the JSON and HTML the server builds per request: brotli when the client takes it
 * (at a quality that costs about a millisecond per 10 kB), else gzip, on libuv's thread pool.
 * Static files come precompressed from the build and pass through untouched (they already
 * carry Content-Encoding), as do downloads (Content-Disposition: their progress bar counts
 * the bytes) and streams.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (
      c.req.method === 'HEAD' ||
      res.status < 200 ||
      res.status === 204 ||
      res.status === 206 ||
      res.body === null ||
      res.headers.has('content-encoding') ||
      res.headers.has('content-disposition') ||
      !COMPRESSIBLE.test(type)
    )
      return;
    const vary = res.headers.get('vary');
    const accepts = c.req.header('accept-encoding') ?? '';
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    const headers = new Headers(res.headers);
    if (!/accept-encoding/i.test(vary ?? ''))
      headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    let out: Buffer = body;
    if (encoding !== null && body.byteLength >= THRESHOLD_BYTES) {
      out =
        encoding === 'br'
          ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
          : await gzip(body, { level: 6 });
      headers.set('content-encoding', encoding);
    }
    headers.set('content-length', String(out.byteLength));
    const etag = headers.get('etag');
    if (encoding !== null && etag !== null && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    c.res = new Response(new Uint8Array(out), { status: res.status, statusText: res.statusText, headers });
  };
}
