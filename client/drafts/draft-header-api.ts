import { z } from 'zod';
import { DraftHeaderState, DraftStatusLog, type DraftHeader } from '../../shared/api/draft-header.ts';
import { Draft } from '../../shared/api/drafts.ts';
import { apiPath, request } from '../api/api-client.ts';

const draft = (draftId: string, ...rest: string[]) => apiPath(['drafts', draftId, ...rest]);

/** The draft's header, what a final text still lacks and what the caller may do. */
export function loadHeader(draftId: string): Promise<DraftHeaderState> {
  return request(draft(draftId, 'header'), DraftHeaderState);
}

/** Replaces the header (fields left out are cleared). */
export function saveHeader(draftId: string, header: DraftHeader): Promise<DraftHeaderState> {
  return request(draft(draftId, 'header'), DraftHeaderState, { method: 'PUT', body: header });
}

/** Marks the draft final (the secretary; refused with the list of what is missing). */
export function markFinal(draftId: string): Promise<Draft> {
  return request(draft(draftId), Draft, { method: 'PATCH', body: { status: 'final' } });
}

/** Takes a final draft back to drafting, with the reason. */
export function reopenDraft(draftId: string, reason: string): Promise<Draft> {
  return request(draft(draftId, 'reopen'), Draft, { body: { reason } });
}

/** The draft's status changes, newest first. */
export async function loadStatusLog(draftId: string): Promise<z.infer<typeof DraftStatusLog>['changes']> {
  return (await request(draft(draftId, 'status-log'), DraftStatusLog)).changes;
}
