import type { Comment, Disposition } from '../../shared/api/comments.ts';
import type { GroupMember, RevisionGroup } from '../../shared/api/revision-log.ts';
import type { GroupingRequest, GroupingResult, SectionNode } from './grouping/comment-grouping.ts';
import { fold } from './grouping/grouping-text.ts';
import type { RevisionGroupRow } from './revision-log.table.ts';

/** A saved group with the ids of its comments. */
export interface SavedGroup {
  readonly row: RevisionGroupRow;
  readonly commentIds: readonly number[];
}

/** Where each section stands, for the table's position columns. */
export interface SectionPlaces {
  /** Section id → "label title" in the round's version (document order is the map's order). */
  readonly positions: ReadonlyMap<string, string>;
  /** Section id → its heading in the next version; absent when removed there. */
  readonly nextHeadings: ReadonlyMap<string, string>;
  /** Sections whose text changed between the two. */
  readonly changed: ReadonlySet<string>;
  /** The outline as a tree: which sections are adjacent for grouping. */
  readonly tree: readonly SectionNode[];
}

/** How the table groups: the threshold, the vocabulary, and whose comments are not sent yet. */
export interface RollUpOptions {
  readonly threshold: number;
  /** Groups the comments (the server passes a memo of recent groupings). */
  readonly group: (request: GroupingRequest) => GroupingResult;
  /** Organisations that have not sent their comments (their comments are marked). */
  readonly unsentOrgs: ReadonlySet<number>;
  /** How many similar comments each member offers. */
  readonly suggestions: number;
}

/** What the headline counts against: invited organisations and how to call them. */
export interface HeadlineBase {
  readonly invited: number;
  readonly noun: string;
}

/**
 * The table's rows: saved groups as the committee left them (never undone by the automatic
 * pass), the other comments grouped automatically across the round (a group may span adjacent
 * sections); rows in document order of their sections (whole-document comments first), then
 * by first comment. Every member lists its most similar other comments.
 */
export function rollUp(
  comments: readonly Comment[],
  saved: readonly SavedGroup[],
  places: SectionPlaces,
  base: HeadlineBase,
  options: RollUpOptions,
): RevisionGroup[] {
  const indexOf = new Map(comments.map((c, i) => [c.id, i]));
  const fixed = saved
    .map((group) => group.commentIds.flatMap((id) => (indexOf.has(id) ? [indexOf.get(id)!] : [])))
    .map((members, k) => ({ members, row: saved[k]!.row }))
    .filter((g) => g.members.length > 0); // every member withdrawn
  const result = options.group({
    comments: comments.map((c) => ({
      sectionId: c.anchor?.sectionId ?? null,
      kind: c.kind,
      body: c.body,
      quote: c.anchor?.quote ?? null,
      suggestedText: c.replacement,
      orgName: c.orgName,
    })),
    sections: places.tree,
    threshold: options.threshold,
    fixed: fixed.map((g) => g.members),
    suggestions: options.suggestions,
  });
  const member = (i: number) =>
    toMember(
      comments[i]!,
      places,
      options.unsentOrgs,
      result.similar[i]!.map((j) => comments[j]!.id),
    );
  const rows: RevisionGroup[] = fixed.map((g) =>
    toGroup(
      `g${g.row.id}`,
      g.row,
      g.members.map((i) => comments[i]!),
      g.members.map(member),
      places,
      base,
    ),
  );
  const taken = new Set(fixed.flatMap((g) => g.members));
  for (const group of result.groups) {
    if (group.some((i) => taken.has(i))) continue;
    const members = group.map((i) => comments[i]!);
    rows.push(toGroup(`a${members[0]!.id}`, null, members, group.map(member), places, base));
  }
  const order = new Map([...places.positions.keys()].map((id, i) => [id, i]));
  const rank = (g: RevisionGroup) => (g.sectionId === null ? -1 : (order.get(g.sectionId) ?? order.size));
  return rows.sort((a, b) => rank(a) - rank(b) || a.comments[0]!.id - b.comments[0]!.id);
}

/** "có N ý kiến (K/M chi bộ) đề nghị …": the count of comments and of distinct organisations. */
export function headlineOf(
  comments: number,
  orgs: readonly string[],
  summary: string,
  base: HeadlineBase,
): string {
  const trimmed = summary.trim().replace(/[.;]+$/u, '');
  const asks = /^đề nghị(?=\s|$)/iu.test(trimmed)
    ? `đề nghị${trimmed.slice('đề nghị'.length)}`
    : `góp ý: ${trimmed}`;
  // One comment is that organisation's: "Chi bộ X đề nghị …", not "Có 1 ý kiến (1/9 …)".
  if (comments === 1 && orgs.length === 1) return `${orgs[0]} ${asks}`;
  return `Có ${comments} ý kiến (${orgs.length}/${base.invited} ${base.noun}) ${asks}`;
}

function toGroup(
  key: string,
  row: RevisionGroupRow | null,
  members: readonly Comment[],
  views: GroupMember[],
  places: SectionPlaces,
  base: HeadlineBase,
): RevisionGroup {
  const sectionId = row?.section_id ?? members[0]!.anchor?.sectionId ?? null;
  const positions = [...new Set(views.map((v) => v.position))];
  const proposals = new Map<string, { quote: string; replacement: string }>();
  for (const c of members)
    if (c.kind === 'suggestion' && c.replacement !== null) {
      const quote = c.anchor?.quote ?? '';
      proposals.set(`${quote}\n${c.replacement}`, { quote, replacement: c.replacement });
    }
  const orgs = new Map<number, string>();
  for (const c of members) orgs.set(c.orgId, c.orgName);
  const answers = new Set(members.map((c) => `${c.disposition?.value ?? ''}\n${c.disposition?.note ?? ''}`));
  const mixed = answers.size > 1;
  const first = members[0]!.disposition;
  const summary = row !== null && row.summary !== '' ? row.summary : representative(members);
  return {
    key,
    groupId: row?.id ?? null,
    sectionId,
    position: positions.join('; '),
    proposals: [...proposals.values()],
    summary,
    headline: headlineOf(members.length, [...orgs.values()], summary, base),
    comments: views,
    orgs: [...orgs].map(([id, name]) => ({ id, name })),
    disposition: row?.disposition ?? (mixed ? null : (first?.value ?? null)),
    answer: row !== null && row.disposition !== null ? row.answer : mixed ? '' : (first?.note ?? ''),
    mixed,
    nextPosition: sectionId === null ? null : (places.nextHeadings.get(sectionId) ?? null),
    sectionChanged: sectionId !== null && places.changed.has(sectionId),
  };
}

/**
 * The wording most members share (after normalising) stands for the group until the
 * committee words it; typed in capitals only if no member wrote it otherwise.
 */
function representative(members: readonly Comment[]): string {
  const tally = new Map<string, { count: number; texts: string[] }>();
  for (const c of members) {
    const key = fold(c.body)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    const entry = tally.get(key);
    if (entry === undefined) tally.set(key, { count: 1, texts: [c.body.trim()] });
    else {
      entry.count += 1;
      entry.texts.push(c.body.trim());
    }
  }
  let best = tally.values().next().value!;
  for (const entry of tally.values()) if (entry.count > best.count) best = entry;
  return best.texts.find((t) => t !== t.toLocaleUpperCase('vi')) ?? best.texts[0]!;
}

function positionOf(sectionId: string | null, places: SectionPlaces): string {
  return sectionId === null ? 'Chung' : (places.positions.get(sectionId) ?? sectionId);
}

function toMember(
  c: Comment,
  places: SectionPlaces,
  unsent: ReadonlySet<number>,
  similar: number[],
): GroupMember {
  const sectionId = c.anchor?.sectionId ?? null;
  return {
    sectionId,
    position: positionOf(sectionId, places),
    unsent: unsent.has(c.orgId),
    similar,
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    kind: c.kind,
    body: c.body,
    replacement: c.replacement,
    quote: c.anchor?.quote ?? '',
    disposition: c.disposition?.value ?? null,
    textRemoved: c.disposition?.textRemoved ?? false,
  };
}

/** Zero counts per disposition. */
export function emptyCounts(): Record<Disposition | 'none', number> {
  return { accepted: 0, partly: 0, explained: 0, noted: 0, none: 0 };
}
