import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Comments cite rules by id (R14, T17) and documentation by path (docs/domain.md#issuer). These
// tests keep every such reference resolvable inside the repository, so a reader never meets an
// id that is defined nowhere or a document that was never committed.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['server', 'client', 'shared', 'tests', 'bench'];
const ROOT_FILES = ['eslint.config.js', 'vitest.config.ts', 'vite.config.ts'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'results', 'generated']);
const SOURCE_EXT = /\.(ts|js|mjs)$/;

/** R-ids are requirements, T-ids library traps; "T17:00" in a comment is a time of day. */
const RULE_ID = /\b([RT]\d{1,2})\b(?!:\d)/g;
/** Planning documents that were never part of the repository. */
const OUTSIDE_DOCS = /\b(STACK|RELIABILITY|DESIGN|DOMAIN)(\.md\b|\s+§)/;
/** A path in backticks, as docs/ pages name the code: `server/collab/core/room.ts`, `server/auth/`. */
const SOURCE_PATH = /`((?:server|client|shared|tests|bench)\/[\w./-]*)`/g;
const DOC_LINK = /\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory())
      return SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(rel);
    return SOURCE_EXT.test(entry.name) ? [rel] : [];
  });
}

/** Every comment of a file, found through the TypeScript parser so strings and templates never count. */
function comments(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) found.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...found.values()];
}

/** The anchors a Markdown page (a path from the root) defines: `<a id>` targets and GitHub's heading slugs. */
function anchors(page: string): Set<string> {
  const text = readFileSync(path.join(ROOT, page), 'utf8');
  const ids = [...text.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1]!);
  const slugs = [...text.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  );
  return new Set([...ids, ...slugs]);
}

const cited = [...ROOT_FILES, ...SOURCE_DIRS.flatMap(sourceFiles)].flatMap((file) =>
  comments(file).map((comment) => ({ file, comment })),
);

function where(file: string, comment: string): string {
  return `${file}: ${comment.replace(/\s+/g, ' ').slice(0, 120)}`;
}

describe('references in code comments', () => {
  it('finds the comments of the source tree', () => {
    // Guards the scan itself: a broken walk would let every other test here pass on nothing.
    expect(cited.length).toBeGreaterThan(1000);
    expect(cited.some(({ comment }) => /\bR14\b/.test(comment))).toBe(true);
  });

  it('cite only requirement and trap ids that docs/requirements.md defines', () => {
    const defined = anchors('docs/requirements.md');
    const missing = cited.flatMap(({ file, comment }) =>
      [...comment.matchAll(RULE_ID)]
        .map((m) => m[1]!)
        .filter((id) => !defined.has(id.toLowerCase()))
        .map((id) => `${id} in ${where(file, comment)}`),
    );
    expect(missing).toEqual([]);
  });

  it('point to docs/ pages and anchors that exist', () => {
    const broken = cited.flatMap(({ file, comment }) =>
      [...comment.matchAll(DOC_LINK)]
        .filter(([, page, anchor]) => {
          const target = path.join('docs', page!);
          if (!existsSync(path.join(ROOT, target))) return true;
          return anchor !== undefined && !anchors(target).has(anchor);
        })
        .map(([link]) => `${link} in ${where(file, comment)}`),
    );
    expect(broken).toEqual([]);
  });

  it('never send the reader to planning documents outside the repository', () => {
    const outside = cited
      .filter(({ comment }) => OUTSIDE_DOCS.test(comment))
      .map(({ file, comment }) => where(file, comment));
    expect(outside).toEqual([]);
  });
});

describe('docs/ pages', () => {
  const pages = readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));

  it('cite only requirement and trap ids that docs/requirements.md defines', () => {
    const defined = anchors('docs/requirements.md');
    const missing = pages.flatMap((page) =>
      [...readFileSync(path.join(ROOT, 'docs', page), 'utf8').matchAll(RULE_ID)]
        .map((m) => m[1]!)
        .filter((id) => !defined.has(id.toLowerCase()))
        .map((id) => `${id} in docs/${page}`),
    );
    expect(missing).toEqual([]);
  });

  it('name source files that exist (requirements.md and domain.md say which code holds a rule)', () => {
    const missing = ['requirements.md', 'domain.md'].flatMap((page) =>
      [...readFileSync(path.join(ROOT, 'docs', page), 'utf8').matchAll(SOURCE_PATH)]
        .map((m) => m[1]!)
        .filter((file) => !existsSync(path.join(ROOT, file)))
        .map((file) => `${file} in docs/${page}`),
    );
    expect(missing).toEqual([]);
  });

  it('link to pages and anchors that exist', () => {
    const broken = pages.flatMap((page) => {
      const text = readFileSync(path.join(ROOT, 'docs', page), 'utf8');
      return [...text.matchAll(/\]\(([\w./-]+\.md)?(?:#([\w-]+))?\)/g)]
        .filter(([, linked = page, anchor]) => {
          const target = path.relative(ROOT, path.resolve(ROOT, 'docs', linked));
          if (!existsSync(path.join(ROOT, target))) return true;
          return anchor !== undefined && !anchors(target).has(anchor);
        })
        .map(([link]) => `${page}: ${link}`);
    });
    expect(broken).toEqual([]);
  });
});
