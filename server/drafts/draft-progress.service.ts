import type { DraftProgress } from '../../shared/api/progress.ts';
import type { Template } from '../../shared/templates/template.ts';
import type { TemplateService } from '../templates/template.service.ts';
import type { DraftTexts } from './draft-text.ts';
import type { DraftService } from './draft.service.ts';
import { sectionProgress } from './section-progress.ts';

interface Watcher {
  readonly userId: number;
  readonly onProgress: (progress: DraftProgress) => void;
}

interface WatchGroup {
  readonly watchers: Set<Watcher>;
  timer: NodeJS.Timeout | null;
  unsubscribe: () => void;
}

/** Section progress of drafts, computed from the live document on request. */
export class DraftProgressService {
  // Template versions never change once stored, so parsing each once is enough.
  private readonly templates = new Map<string, Promise<Template>>();
  /** The drafts being watched, each with one change subscription for all its watchers. */
  private readonly groups = new Map<string, WatchGroup>();

  constructor(
    private readonly drafts: DraftService,
    private readonly templateService: TemplateService,
    private readonly texts: DraftTexts,
  ) {}

  /** Every section's state and word count (empty for a draft made without a template). */
  async get(userId: number, draftId: string): Promise<DraftProgress> {
    const { row } = await this.drafts.find(userId, draftId);
    return this.compute(draftId, row);
  }

  private async compute(
    draftId: string,
    row: { template_id: string | null; template_version: number | null },
  ): Promise<DraftProgress> {
    if (row.template_id === null || row.template_version === null) return progressOf(draftId, []);
    const template = await this.template(row.template_id, row.template_version);
    return progressOf(draftId, await this.texts.read(draftId, (doc) => sectionProgress(doc, template)));
  }

  /**
   * Calls `onProgress` with the progress now and after changes (at most every `debounceMs`:
   * a burst of typing yields one recomputation). Everyone watching a draft shares that
   * recomputation: ten editors with the page open walk the document once, not ten times,
   * and each is still checked for access. Returns the unsubscribe function.
   */
  async watch(
    userId: number,
    draftId: string,
    onProgress: (progress: DraftProgress) => void,
    debounceMs = 500,
  ): Promise<() => void> {
    onProgress(await this.get(userId, draftId));
    const watcher: Watcher = { userId, onProgress };
    let group = this.groups.get(draftId);
    if (group === undefined) {
      const created: WatchGroup = { watchers: new Set(), timer: null, unsubscribe: () => undefined };
      this.groups.set(draftId, created);
      try {
        const unsubscribe = await this.texts.watch(draftId, () => {
          if (created.timer !== null) return;
          created.timer = setTimeout(() => {
            created.timer = null;
            this.notify(draftId, created);
          }, debounceMs);
        });
        // Everyone may have left while the subscription was being made.
        if (this.groups.get(draftId) === created) created.unsubscribe = unsubscribe;
        else unsubscribe();
      } catch (error) {
        this.groups.delete(draftId);
        throw error;
      }
      group = created;
    }
    group.watchers.add(watcher);
    const joined = group;
    return () => {
      joined.watchers.delete(watcher);
      if (joined.watchers.size > 0 || this.groups.get(draftId) !== joined) return;
      this.groups.delete(draftId);
      if (joined.timer !== null) clearTimeout(joined.timer);
      joined.unsubscribe();
    };
  }

  /** Recomputes once and tells every watcher who may still read the draft. */
  private notify(draftId: string, group: WatchGroup): void {
    let sections: Promise<DraftProgress> | null = null;
    for (const { userId, onProgress } of group.watchers) {
      // Errors (e.g. access lost) end nothing here; the next change tries again.
      this.drafts
        .find(userId, draftId)
        .then(({ row }) => (sections ??= this.compute(draftId, row)))
        .then(onProgress, () => undefined);
    }
  }

  private template(id: string, version: number): Promise<Template> {
    const key = `${id}@${version}`;
    let found = this.templates.get(key);
    if (found === undefined) {
      found = this.templateService.get(id, version).then((t) => t.template);
      this.templates.set(key, found);
    }
    return found;
  }
}

function progressOf(draftId: string, sections: DraftProgress['sections']): DraftProgress {
  const count = (state: string) => sections.filter((s) => s.state === state).length;
  return {
    draftId,
    sections,
    totals: {
      words: sections.filter((s) => s.depth === 1).reduce((sum, s) => sum + s.words, 0),
      written: count('written'),
      writing: count('writing'),
      empty: count('empty'),
      missing: count('missing'),
      flagged: sections.filter((s) => s.flagged).length,
    },
  };
}
