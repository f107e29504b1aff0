import type { z } from 'zod';
import { Draft, DraftList, type CreateDraftRequest } from '../../shared/api/drafts.ts';
import { DraftProgress } from '../../shared/api/progress.ts';
import { apiPath, apiUrl, request } from '../api/api-client.ts';

/** The drafts the caller may open. */
export function listDrafts() {
  return request(apiPath(['drafts']), DraftList);
}

/** One draft: title, status, the caller's access. */
export function loadDraft(draftId: string): Promise<Draft> {
  return request(apiPath(['drafts', draftId]), Draft);
}

/** Creates a draft from a template. */
export function createDraft(body: z.input<typeof CreateDraftRequest>): Promise<Draft> {
  return request(apiPath(['drafts']), Draft, { body });
}

/** How many sections are written, being written or empty. */
export function loadProgress(draftId: string): Promise<DraftProgress> {
  return request(apiPath(['drafts', draftId, 'progress']), DraftProgress);
}

/** The URL of the draft's server-sent events (comments, rounds, revision log, progress). */
export function draftEventsUrl(draftId: string): string {
  return apiUrl(apiPath(['drafts', draftId, 'events']));
}
