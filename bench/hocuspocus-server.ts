/**
 * Durable reference server for the benchmark: Hocuspocus 3.4.4 with its SQLite extension,
 * default settings (its store is debounced: 2 s, at most 10 s), database file in DATA_DIR.
 *
 * Run as its own process with PORT, HOST, DATA_DIR and HOCUSPOCUS_DIR (the on-demand install,
 * bench/hocuspocus-install.ts) in the env. The packages are loaded from that directory by
 * absolute path, so this file needs nothing from the project's dependencies; the bench
 * transpiles it to dist/bench/hocuspocus-server.js for the `build` launcher (see
 * bench/hocuspocus-build.ts). `GET /healthz` answers 200; Hocuspocus' own signal handler
 * (stopOnSignals, on by default) closes the connections, which stores every document, and
 * exits 0 on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of @hocuspocus/server 3.x and @hocuspocus/extension-sqlite 3.x used here. */
interface HocuspocusServerModule {
  Server: new (config: Record<string, unknown>) => { listen(): Promise<unknown> };
}
interface SqliteModule {
  SQLite: new (config: { database: string }) => object;
}

const dir = process.env.HOCUSPOCUS_DIR;
const dataDir = process.env.DATA_DIR;
if (dir === undefined || dataDir === undefined) throw new Error('HOCUSPOCUS_DIR and DATA_DIR must be set');

/** Absolute URL of a package's ESM build inside the install (its exports' `import` entry). */
function esmEntry(pkg: string): string {
  const root = path.join(dir ?? '', 'node_modules', pkg);
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: { default: { import: string } };
  };
  return pathToFileURL(path.join(root, manifest.exports.default.import)).href;
}

const { Server } = (await import(esmEntry('@hocuspocus/server'))) as HocuspocusServerModule;
const { SQLite } = (await import(esmEntry('@hocuspocus/extension-sqlite'))) as SqliteModule;

const server = new Server({
  port: Number(process.env.PORT ?? '0'),
  address: process.env.HOST ?? '127.0.0.1',
  extensions: [
    new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') }),
    {
      onRequest({ request, response }: { request: IncomingMessage; response: ServerResponse }) {
        if (request.method !== 'GET' || request.url !== '/healthz') return Promise.resolve();
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        // Hocuspocus' convention: a hook rejecting with nothing stops its default answer.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        return Promise.reject(null);
      },
    },
  ],
});
await server.listen();
