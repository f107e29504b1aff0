import type { Comment, Disposition } from '../../shared/api/comments.ts';
import type { GroupMember, RevisionGroup } from '../../shared/api/revision-log.ts';
import { groupNearDuplicates, normaliseText } from './comment-grouping.ts';
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
}

/** What the headline counts against: invited organisations and how to call them. */
export interface HeadlineBase {
  readonly invited: number;
  readonly noun: string;
}

/**
 * The table's rows: saved groups as the committee left them, the other comments grouped
 * automatically within their section; rows in document order of their sections (comments
 * on no section first), then by first comment.
 */
export function rollUp(
  comments: readonly Comment[],
  saved: readonly SavedGroup[],
  places: SectionPlaces,
  base: HeadlineBase,
  threshold: number,
): RevisionGroup[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const taken = new Set<number>();
  const rows: RevisionGroup[] = [];
  for (const group of saved) {
    const members = group.commentIds.map((id) => byId.get(id)).filter((c) => c !== undefined);
    if (members.length === 0) continue; // every member withdrawn
    for (const c of members) taken.add(c.id);
    rows.push(toGroup(`g${group.row.id}`, group.row, members, places, base));
  }
  const bySection = new Map<string | null, Comment[]>();
  for (const c of comments) {
    if (taken.has(c.id)) continue;
    const key = c.anchor?.sectionId ?? null;
    const list = bySection.get(key);
    if (list === undefined) bySection.set(key, [c]);
    else list.push(c);
  }
  for (const list of bySection.values())
    for (const ids of groupNearDuplicates(
      list.map((c) => ({ id: c.id, text: textOf(c) })),
      threshold,
    )) {
      const members = ids.map((id) => byId.get(id)!);
      rows.push(toGroup(`a${members[0]!.id}`, null, members, places, base));
    }
  const order = new Map([...places.positions.keys()].map((id, i) => [id, i]));
  const rank = (g: RevisionGroup) => (g.sectionId === null ? -1 : (order.get(g.sectionId) ?? order.size));
  return rows.sort((a, b) => rank(a) - rank(b) || a.comments[0]!.id - b.comments[0]!.id);
}

/** "có N ý kiến (K/M chi bộ) đề nghị …": the count of comments and of distinct organisations. */
export function headlineOf(comments: number, orgs: number, summary: string, base: HeadlineBase): string {
  const trimmed = summary.trim().replace(/[.;]+$/u, '');
  const asks = /^đề nghị(?=\s|$)/iu.test(trimmed)
    ? `đề nghị${trimmed.slice('đề nghị'.length)}`
    : `góp ý: ${trimmed}`;
  return `Có ${comments} ý kiến (${orgs}/${base.invited} ${base.noun}) ${asks}`;
}

function toGroup(
  key: string,
  row: RevisionGroupRow | null,
  members: readonly Comment[],
  places: SectionPlaces,
  base: HeadlineBase,
): RevisionGroup {
  const sectionId = row?.section_id ?? members[0]!.anchor?.sectionId ?? null;
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
    position: sectionId === null ? 'Chung' : (places.positions.get(sectionId) ?? sectionId),
    summary,
    headline: headlineOf(members.length, orgs.size, summary, base),
    comments: members.map(toMember),
    orgs: [...orgs].map(([id, name]) => ({ id, name })),
    disposition: row?.disposition ?? (mixed ? null : (first?.value ?? null)),
    answer: row !== null && row.disposition !== null ? row.answer : mixed ? '' : (first?.note ?? ''),
    mixed,
    nextPosition: sectionId === null ? null : (places.nextHeadings.get(sectionId) ?? null),
    sectionChanged: sectionId !== null && places.changed.has(sectionId),
  };
}

/** The text compared for near-duplicates: the comment, and a suggestion's proposed wording. */
function textOf(c: Comment): string {
  return c.replacement === null ? c.body : `${c.body} ${c.replacement}`;
}

/**
 * The wording most members share (after normalising) stands for the group until the
 * committee words it; typed in capitals only if no member wrote it otherwise.
 */
function representative(members: readonly Comment[]): string {
  const tally = new Map<string, { count: number; texts: string[] }>();
  for (const c of members) {
    const key = normaliseText(c.body);
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

function toMember(c: Comment): GroupMember {
  return {
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
