/**
 * Compiles the Hocuspocus bench server for the `build` launcher (apart from
 * hocuspocus-install.ts so that the load generator, which imports that, never loads the
 * TypeScript compiler).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './hocuspocus-install.js';

/**
 * Transpiles bench/hocuspocus-server.ts to dist/bench/hocuspocus-server.js for the `build`
 * launcher, so it runs on plain node like the other two servers (`npm run build` compiles only
 * the project's own entries; TypeScript's transpiler is enough for one self-contained file).
 */
export function buildHocuspocusServer(): string {
  const source = path.join(ROOT, 'bench/hocuspocus-server.ts');
  const out = path.join(ROOT, 'dist/bench/hocuspocus-server.js');
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    fileName: source,
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, outputText);
  return out;
}
