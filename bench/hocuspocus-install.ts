/**
 * Installs Hocuspocus (the durable reference server and its provider) on demand into
 * `bench/.cache/hocuspocus-<version>/`, outside the project's dependencies, so `npm install`
 * stays as fast as before for everyone who never runs the benchmark.
 *
 * `--legacy-peer-deps` leaves yjs and y-protocols (peer dependencies of the Hocuspocus
 * packages) uninstalled there, so Node's walk up the directory tree finds the project's own
 * copies: the generator's Y.Doc and the provider share one yjs instance, and the server runs
 * the yjs version ours runs. lib0 is a plain dependency of theirs; the cache's package.json
 * links it to the project's copy (`file:`), so it too is one instance.
 *
 * Run by hand with `npx tsx bench/hocuspocus-install.ts`; the benchmark calls it itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const HOCUSPOCUS_VERSION = '3.4.4';
const PACKAGES = ['@hocuspocus/server', '@hocuspocus/extension-sqlite', '@hocuspocus/provider'];

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Where the packages live; bench/hocuspocus-server.mjs derives the same path. */
export const HOCUSPOCUS_DIR = path.join(ROOT, 'bench/.cache', `hocuspocus-${HOCUSPOCUS_VERSION}`);
const MARKER = path.join(HOCUSPOCUS_DIR, 'installed.json');

function markerContent(): string {
  return JSON.stringify({ packages: PACKAGES.map((p) => `${p}@${HOCUSPOCUS_VERSION}`) }) + '\n';
}

/** Throws unless yjs, y-protocols and lib0, seen from the provider and the server, are the project's. */
export function checkSharedYjs(): void {
  for (const pkg of ['@hocuspocus/provider', '@hocuspocus/server']) {
    const from = createRequire(path.join(HOCUSPOCUS_DIR, 'node_modules', pkg, 'package.json'));
    for (const dep of ['yjs', 'y-protocols/sync', 'lib0/encoding']) {
      const got = realpathSync(from.resolve(dep));
      const want = realpathSync(createRequire(path.join(ROOT, 'package.json')).resolve(dep));
      if (got !== want) {
        throw new Error(
          `${pkg} resolves ${dep} to ${got}, not the project's ${want}; delete ${HOCUSPOCUS_DIR}`,
        );
      }
    }
  }
}

/** Makes sure the cache holds the packages (installing them once, about a minute), then checks it. */
export function ensureHocuspocus(): string {
  if (existsSync(MARKER) && readFileSync(MARKER, 'utf8') === markerContent()) {
    checkSharedYjs();
    return HOCUSPOCUS_DIR;
  }
  console.log(
    `installing Hocuspocus ${HOCUSPOCUS_VERSION} into ${path.relative(ROOT, HOCUSPOCUS_DIR)}/ (once; sqlite3 builds from source, about a minute) …`,
  );
  rmSync(HOCUSPOCUS_DIR, { recursive: true, force: true });
  mkdirSync(HOCUSPOCUS_DIR, { recursive: true });
  const lib0 = path.relative(HOCUSPOCUS_DIR, path.join(ROOT, 'node_modules/lib0'));
  writeFileSync(
    path.join(HOCUSPOCUS_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'vankien-bench-hocuspocus',
        private: true,
        description: 'Installed on demand by bench/hocuspocus-install.ts; not part of the project.',
        dependencies: { lib0: `file:${lib0}` },
      },
      null,
      2,
    ) + '\n',
  );
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--legacy-peer-deps',
      '--save-exact',
      ...PACKAGES.map((p) => `${p}@${HOCUSPOCUS_VERSION}`),
    ],
    { cwd: HOCUSPOCUS_DIR, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // npm may skip install scripts (e.g. an allow-scripts policy); the extension needs the addon.
  if (!existsSync(path.join(HOCUSPOCUS_DIR, 'node_modules/sqlite3/build/Release/node_sqlite3.node'))) {
    throw new Error(`sqlite3's native addon was not built in ${HOCUSPOCUS_DIR}; see npm's output above`);
  }
  checkSharedYjs();
  writeFileSync(MARKER, markerContent());
  return HOCUSPOCUS_DIR;
}

/**
 * Absolute URL of a cached package's ESM build (its exports' `import` entry), for `import()`:
 * the ESM build imports the ESM yjs, the same instance the generator's own `import * as Y` gets.
 */
export function hocuspocusEsmUrl(pkg: string): string {
  const root = path.join(HOCUSPOCUS_DIR, 'node_modules', pkg);
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: { default: { import: string } };
  };
  return pathToFileURL(path.join(root, manifest.exports.default.import)).href;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const t0 = Date.now();
  ensureHocuspocus();
  console.log(`Hocuspocus ${HOCUSPOCUS_VERSION} ready in ${HOCUSPOCUS_DIR} (${Date.now() - t0} ms)`);
}
