import type { JSONContent } from '@tiptap/core';
import type { SectionProgress } from '../../shared/api/progress.ts';
import { draftSchema, draftToJSON } from '../../shared/editor/draft-json.ts';
import type { DraftProgressService } from '../drafts/draft-progress.service.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import type { ClientOwnerStore } from '../collab/core/client-owners.ts';
import { readFrozen } from '../export/export-source.ts';
import { diffVersions, splitSections } from '../versions/version-diff.ts';
import type { VersionService } from '../versions/version.service.ts';
import type { SectionNode } from './grouping/section-tree.ts';
import type { SectionPlaces } from './revision-rollup.ts';
import { sectionAuthors, stateVectorOf } from './section-authors.ts';
import type { UserService } from '../users/user.service.ts';

/** The two texts a round's edits lie between, and who made the later one. */
export interface RoundTexts {
  readonly from: JSONContent;
  readonly fromLabel: string;
  readonly fromVersion: number;
  readonly to: JSONContent;
  /** "Dự thảo lần N+1", or "Bản đang soạn" (the live text). */
  readonly toLabel: string;
  readonly toVersion: number | null;
  readonly editedBy: string | null;
  readonly editedAt: string | null;
  /** The template's sections in outline order (empty for a draft made without one). */
  readonly outline: readonly SectionProgress[];
}

/** Reads a round's version, the next version or the live text, and the outline, through their modules. */
export class RevisionSources {
  private readonly schema = draftSchema();

  constructor(
    private readonly deps: {
      readonly drafts: DraftService;
      readonly versions: VersionService;
      readonly texts: DraftTexts;
      readonly progress: DraftProgressService;
      /** Who owns each Yjs clientID of a draft (the collaboration core's record). */
      readonly owners: ClientOwnerStore;
      readonly users: UserService;
    },
  ) {}

  /** The round's version and what followed it. */
  async texts(userId: number, draftId: string, version: number): Promise<RoundTexts> {
    const { versions, texts, drafts, progress } = this.deps;
    const [from, list, outline] = await Promise.all([
      versions.get(userId, draftId, version),
      versions.list(userId, draftId),
      progress.get(userId, draftId),
    ]);
    const next = list.versions.filter((v) => v.number > version).sort((a, b) => a.number - b.number)[0];
    const base = {
      from: from.content,
      fromLabel: from.label,
      fromVersion: version,
      outline: outline.sections,
    };
    if (next !== undefined) {
      const to = await versions.get(userId, draftId, next.number);
      return {
        ...base,
        to: to.content,
        toLabel: to.label,
        toVersion: to.number,
        editedBy: to.createdByName,
        editedAt: to.createdAt,
      };
    }
    const [live, draft] = await Promise.all([
      texts.read(draftId, (doc) => draftToJSON(doc, this.schema)),
      drafts.get(userId, draftId),
    ]);
    return {
      ...base,
      to: live,
      toLabel: 'Bản đang soạn',
      toVersion: null,
      editedBy: draft.lastEdit?.name ?? null,
      editedAt: draft.lastEdit?.at ?? null,
    };
  }

  /**
   * Who typed the text added to each section since `version` (in `toVersion`, else the live
   * text): section id → names, most text first.
   */
  async authors(draftId: string, version: number, toVersion: number | null): Promise<Map<string, string[]>> {
    const { versions, texts, owners, users } = this.deps;
    const [before, clients] = await Promise.all([
      versions.state(draftId, version).then(stateVectorOf),
      owners.load(draftId).then((bound) => new Map([...bound].map(([id, o]) => [id, o.userId]))),
    ]);
    const bySection =
      toVersion === null
        ? await texts.read(draftId, (doc) => sectionAuthors(doc, before, clients))
        : readFrozen(await versions.state(draftId, toVersion), (doc) => sectionAuthors(doc, before, clients));
    const names = await users.namesOf([...bySection.values()].flatMap((m) => [...m.keys()]));
    return new Map(
      [...bySection].map(([section, chars]) => [
        section,
        [...chars].sort((a, b) => b[1] - a[1]).map(([id]) => names.get(id) ?? `#${id}`),
      ]),
    );
  }
}

/**
 * Where sections stand: positions in outline order ("Phần thứ nhất › I. KẾT QUẢ …", from
 * the template's labels and titles; sections the template lacks by their heading in the
 * round's version), their headings in the later text, and which ones changed.
 */
export function placesOf(texts: RoundTexts): SectionPlaces {
  const positions = new Map<string, string>();
  const path: string[] = [];
  const tree: SectionNode[] = [];
  const ancestors: string[] = [];
  for (const s of texts.outline) {
    ancestors.length = s.depth - 1;
    tree.push({ id: s.id, parentId: ancestors.at(-1) ?? null });
    ancestors.push(s.id);
    path.length = s.depth - 1;
    const own = `${s.label} ${s.title}`.trim();
    positions.set(s.id, [...path.filter((p) => p !== ''), own].join(' › '));
    path.push(s.label);
  }
  for (const [id, section] of splitSections(texts.from))
    if (id !== '' && !positions.has(id)) {
      positions.set(id, section.heading);
      tree.push({ id, parentId: null });
    }
  const nextHeadings = new Map<string, string>();
  for (const [id, section] of splitSections(texts.to)) if (id !== '') nextHeadings.set(id, section.heading);
  const changed = new Set(
    diffVersions(texts.from, texts.to)
      .filter((s) => s.status !== 'unchanged')
      .map((s) => s.sectionId),
  );
  return { positions, nextHeadings, changed, tree };
}
