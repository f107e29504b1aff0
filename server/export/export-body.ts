import type { JSONContent } from '@tiptap/core';
import { TEXT_ALIGNMENTS, type TextAlignment } from '../../shared/editor/attribute-values.ts';
import type { ExportSuggestions } from '../../shared/api/exports.ts';
import { SECTION_ID_ATTR } from '../../shared/editor/section-id.ts';
import { SUGGESTION_INSERT } from '../../shared/editor/suggestion-marks.ts';
import type { Block, Run } from './export-model.ts';
import { suggestionOf } from './export-suggestions.ts';
import { tableBlock } from './table-body.ts';

/** What the body builder knows of an outline section: its numbering label. */
export interface SectionInfo {
  label: string;
}

/** A comment's place in the flat text (see `DraftTextMap`): a range, or a point at a section heading. */
export interface CommentSpan {
  id: number;
  start: number;
  end: number;
}

/**
 * Turns the draft's ProseMirror JSON into numbered blocks. Offsets are counted exactly as
 * the comments module flattens the text (text blocks joined by one newline), so comment
 * ranges resolved there fall on the right characters here. Pending proposals (suggesting
 * mode) follow `suggestions` (see `export-suggestions.ts`): by default the text as it was
 * before them, or marked with their authors.
 */
export function buildBody(
  doc: JSONContent,
  sections: ReadonlyMap<string, SectionInfo>,
  spans: readonly CommentSpan[],
  suggestions: ExportSuggestions = 'original',
): { blocks: Block[]; chars: number } {
  const blocks: Block[] = [];
  let offset = 0;
  let textblocks = 0;
  const textblock = (node: JSONContent): Run[] => {
    if (textblocks > 0) offset += 1;
    textblocks += 1;
    const runs: Run[] = [];
    for (const child of node.content ?? []) {
      if (child.type !== 'text' || child.text === undefined) continue;
      const marks = new Set((child.marks ?? []).map((m) => m.type));
      const pieces = splitAtSpans(child.text, offset, marks, spans);
      // An untaken proposal to add text prints nothing by default (its comment marks stay).
      if (suggestions === 'original' && marks.has(SUGGESTION_INSERT)) for (const p of pieces) p.text = '';
      const suggestion = suggestions === 'marked' ? suggestionOf(child.marks ?? []) : null;
      if (suggestion !== null) for (const p of pieces) p.suggestion = suggestion;
      runs.push(...pieces);
      offset += child.text.length;
    }
    return runs;
  };
  const list = (node: JSONContent, depth: number) => {
    const ordered = node.type === 'orderedList';
    let n = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
    for (const item of node.content ?? []) {
      let first = true;
      for (const child of item.content ?? []) {
        if (child.type === 'bulletList' || child.type === 'orderedList') list(child, depth + 1);
        else if (child.type === 'paragraph') {
          const marker = first ? (ordered ? `${n}.` : '-') : '';
          blocks.push({ kind: 'item', marker, depth, runs: textblock(child), align: alignOf(child) });
          first = false;
        } else walk(child);
      }
      n += 1;
    }
  };
  const walk = (node: JSONContent): void => {
    switch (node.type) {
      case 'heading':
        blocks.push({ ...heading(node, textblock(node), sections), align: alignOf(node) } as Block);
        return;
      case 'paragraph':
      case 'codeBlock': {
        const runs = textblock(node);
        // The template seeds an empty paragraph under each heading; an empty one prints nothing.
        if (runs.some((r) => r.text.trim() !== '' || r.starts.length > 0))
          blocks.push({ kind: 'paragraph', runs, align: alignOf(node) });
        return;
      }
      case 'bulletList':
      case 'orderedList':
        list(node, 1);
        return;
      case 'table':
        blocks.push(tableBlock(node, textblock));
        return;
      default:
        for (const child of node.content ?? []) walk(child);
    }
  };
  walk(doc);
  return { blocks, chars: offset };
}

/** The alignment the writer gave a paragraph or heading, or null for the profile's own. */
function alignOf(node: JSONContent): TextAlignment | null {
  const value: unknown = node.attrs?.textAlign;
  return TEXT_ALIGNMENTS.find((a) => a === value) ?? null;
}

/** A heading with its template numbering: the label is added when the text lacks it. */
function heading(node: JSONContent, runs: Run[], sections: ReadonlyMap<string, SectionInfo>): Block {
  const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 4);
  const id: unknown = node.attrs?.[SECTION_ID_ATTR];
  const label = typeof id === 'string' ? (sections.get(id)?.label ?? '') : '';
  const text = runs.map((r) => r.text).join('');
  const hasLabel = label !== '' && text.trimStart().startsWith(label);
  if (level === 1 && label !== '')
    return {
      kind: 'part',
      label,
      title: hasLabel ? dropPrefix(runs, text.indexOf(label) + label.length) : runs,
    };
  if (level === 1) return { kind: 'part', label: '', title: runs };
  const numbered = label === '' || hasLabel ? runs : [plainRun(`${label} `), ...runs];
  return { kind: 'heading', level: level as 2 | 3 | 4, runs: numbered };
}

/** Runs without their first `count` characters (and the spaces after them). */
function dropPrefix(runs: readonly Run[], count: number): Run[] {
  const out: Run[] = [];
  let left = count;
  for (const run of runs) {
    if (left >= run.text.length) {
      left -= run.text.length;
      // Markers of a dropped run move to the next one so no comment is lost.
      if (run.starts.length > 0 || run.ends.length > 0) out.push({ ...run, text: '' });
      continue;
    }
    out.push({ ...run, text: run.text.slice(left) });
    left = 0;
  }
  const first = out.find((r) => r.text !== '');
  if (first !== undefined) first.text = first.text.trimStart();
  return out;
}

function plainRun(text: string): Run {
  return { text, bold: false, italic: false, underline: false, starts: [], ends: [] };
}

/** Splits one text node where comment ranges start or end, marking each piece. */
function splitAtSpans(text: string, at: number, marks: Set<string>, spans: readonly CommentSpan[]): Run[] {
  const end = at + text.length;
  const cuts = new Set<number>([at, end]);
  for (const s of spans) {
    if (s.start > at && s.start < end) cuts.add(s.start);
    if (s.end > at && s.end < end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    runs.push({
      text: text.slice(from - at, to - at),
      bold: marks.has('bold'),
      italic: marks.has('italic'),
      underline: marks.has('underline'),
      starts: spans.filter((s) => s.start === from).map((s) => s.id),
      // A point (a whole-section comment) opens and closes on the same piece.
      ends: spans.filter((s) => s.end === to || (s.start === s.end && s.start === from)).map((s) => s.id),
    });
  }
  return runs;
}
