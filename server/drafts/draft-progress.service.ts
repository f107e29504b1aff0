import type { DraftProgress } from '../../shared/api/progress.ts';
import type { Template } from '../../shared/templates/template.ts';
import type { TemplateService } from '../templates/template.service.ts';
import type { DraftTexts } from './draft-text.ts';
import type { DraftService } from './draft.service.ts';
import { sectionProgress } from './section-progress.ts';

/** Section progress of drafts, computed from the live document on request. */
export class DraftProgressService {
  // Template versions never change once stored, so parsing each once is enough.
  private readonly templates = new Map<string, Promise<Template>>();

  constructor(
    private readonly drafts: DraftService,
    private readonly templateService: TemplateService,
    private readonly texts: DraftTexts,
  ) {}

  /** Every section's state and word count (empty for a draft made without a template). */
  async get(userId: number, draftId: string): Promise<DraftProgress> {
    const { row } = await this.drafts.find(userId, draftId);
    if (row.template_id === null || row.template_version === null) return progressOf(draftId, []);
    const template = await this.template(row.template_id, row.template_version);
    return progressOf(draftId, await this.texts.read(draftId, (doc) => sectionProgress(doc, template)));
  }

  /**
   * Calls `onProgress` with the progress now and after changes (at most every `debounceMs`:
   * a burst of typing yields one recomputation). Returns the unsubscribe function.
   */
  async watch(
    userId: number,
    draftId: string,
    onProgress: (progress: DraftProgress) => void,
    debounceMs = 500,
  ): Promise<() => void> {
    onProgress(await this.get(userId, draftId));
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const unsubscribe = await this.texts.watch(draftId, () => {
      if (timer !== null || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        if (stopped) return;
        // Errors (e.g. access lost) end nothing here; the next change tries again.
        this.get(userId, draftId).then(onProgress, () => undefined);
      }, debounceMs);
    });
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
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
