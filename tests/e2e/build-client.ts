import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** vitest globalSetup: builds the web client once per run into `dist/e2e-client` for the browser tests. */
export default function setup(): void {
  const outDir = path.join(ROOT, 'dist/e2e-client');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--outDir', outDir],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (!fs.existsSync(path.join(outDir, 'index.html')))
    throw new Error('the client build produced no index.html');
}
