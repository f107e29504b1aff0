import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Draft } from '../../shared/api/drafts.ts';
import type { Template } from '../../shared/templates/template.ts';
import { loadTemplate as loadTemplateDetail } from '../admin/templates-api.ts';
import { ApiError } from '../api/api-client.ts';
import { loadDraft } from './drafts-api.ts';
import type { ErrorCode } from '../../shared/errors.ts';

/** Where loading a draft stands. */
export type DraftLoad =
  | { state: 'loading' }
  | { state: 'not-found' }
  | { state: 'error'; code: ErrorCode | 'network_error' }
  | { state: 'ready'; draft: Draft; template: Template | null };

/**
 * The draft's metadata and its outline template, loaded over REST. `refresh` re-reads the
 * draft alone (its access after a 4500 close, its status after a change) and keeps the
 * template, which never changes for a draft.
 */
export class DraftController implements ReactiveController {
  /** The current load state. */
  value: DraftLoad = { state: 'loading' };

  private draftId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to reopen: what was loaded stays valid while the page is detached.
  }

  /** Loads a draft and its template; resolves with the draft (or null when it failed). */
  async load(draftId: string): Promise<Draft | null> {
    this.draftId = draftId;
    this.set({ state: 'loading' });
    try {
      const draft = await loadDraft(draftId);
      const template = await loadTemplate(draft);
      if (draftId !== this.draftId) return null;
      this.set({ state: 'ready', draft, template });
      return draft;
    } catch (error) {
      if (draftId === this.draftId) this.fail(error);
      return null;
    }
  }

  /** Re-reads the draft (keeping the template); resolves with it, or null when it is gone. */
  async refresh(): Promise<Draft | null> {
    const current = this.value;
    if (this.draftId === null || current.state !== 'ready') return null;
    try {
      const draft = await loadDraft(this.draftId);
      this.set({ ...current, draft });
      return draft;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  private fail(error: unknown): void {
    if (error instanceof ApiError && error.status === 404) this.set({ state: 'not-found' });
    else this.set({ state: 'error', code: error instanceof ApiError ? error.code : 'internal_error' });
  }

  private set(value: DraftLoad): void {
    this.value = value;
    this.host.requestUpdate();
  }
}

/** The template version the draft was made from; a draft still opens if it cannot be read. */
async function loadTemplate(draft: Draft): Promise<Template | null> {
  if (draft.templateId === null) return null;
  try {
    const detail = await loadTemplateDetail(draft.templateId, draft.templateVersion ?? undefined);
    return detail.template;
  } catch {
    return null;
  }
}
