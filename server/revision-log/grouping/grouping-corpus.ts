import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { GroupingComment, SectionNode } from './comment-grouping.ts';

/**
 * A consultation round in the exchange format of `npm run grouping` (organisations, comments,
 * the draft's sections). Only the fields grouping needs are read: gold labels such as `group`
 * are ignored, so a scored file and an unlabelled one run the same way.
 */
const CommentsFile = z.object({
  organisations: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
  comments: z.array(
    z.object({
      id: z.string().min(1),
      orgId: z.string().nullish(),
      sectionId: z.string().nullable(),
      quote: z.string().nullish(),
      kind: z.enum(['comment', 'suggestion']),
      body: z.string(),
      suggestedText: z.string().nullish(),
    }),
  ),
});

const SectionsFile = z.object({
  sections: z.array(z.object({ id: z.string().min(1), parentId: z.string().nullable() })),
});

/** A round read from the two files: comment ids beside what grouping sees. */
export interface CorpusRound {
  readonly ids: readonly string[];
  readonly comments: readonly GroupingComment[];
  readonly sections: readonly SectionNode[];
}

/** A file that cannot be used, with a message naming the file and the problem. */
export class CorpusError extends Error {}

/** Reads and checks the comments file and the draft-sections file. */
export function readCorpus(commentsPath: string, sectionsPath: string): CorpusRound {
  const comments = parseFile(commentsPath, CommentsFile);
  const { sections } = parseFile(sectionsPath, SectionsFile);
  const known = new Set(sections.map((s) => s.id));
  const names = new Map(comments.organisations.map((o) => [o.id, o.name]));
  const seen = new Set<string>();
  for (const c of comments.comments) {
    if (seen.has(c.id)) throw new CorpusError(`${commentsPath}: comment id ${c.id} appears twice`);
    seen.add(c.id);
    if (c.sectionId !== null && !known.has(c.sectionId))
      throw new CorpusError(
        `${commentsPath}: comment ${c.id} names section ${c.sectionId}, not in ${sectionsPath}`,
      );
  }
  return {
    ids: comments.comments.map((c) => c.id),
    comments: comments.comments.map((c) => ({
      sectionId: c.sectionId,
      kind: c.kind,
      body: c.body,
      quote: c.quote ?? null,
      suggestedText: c.kind === 'suggestion' ? (c.suggestedText ?? null) : null,
      orgName: c.orgId === undefined || c.orgId === null ? undefined : names.get(c.orgId),
    })),
    sections,
  };
}

function parseFile<T>(path: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CorpusError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorpusError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
