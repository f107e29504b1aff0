import { z } from 'zod';
import {
  RevisionHistory,
  RevisionLog,
  RevisionReport,
  SectionWordDiff,
  SimilarComments,
  type SaveGroupRequest,
  type UpdateGroupRequest,
} from '../../shared/api/revision-log.ts';
import { request } from '../api/api-client.ts';

/** `/api` path of a round's revision log. */
export function logPath(draftId: string, roundId: number): string {
  return `/drafts/${draftId}/rounds/${roundId}/log`;
}

/** The consolidated table; `threshold` tunes the grouping, `unsent` lists comments not sent yet. */
export function loadLog(
  draftId: string,
  roundId: number,
  threshold?: number,
  unsent = false,
): Promise<RevisionLog> {
  const query = new URLSearchParams();
  if (threshold !== undefined) query.set('threshold', String(threshold));
  if (unsent) query.set('unsent', 'true');
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  return request(`${logPath(draftId, roundId)}${search}`, RevisionLog);
}

/** The round's comments most like one comment, best first. */
export function loadSimilar(draftId: string, roundId: number, commentId: number): Promise<SimilarComments> {
  return request(`${logPath(draftId, roundId)}/similar/${commentId}`, SimilarComments);
}

/** Saves comments as one group (merge, split), optionally worded and answered. */
export function saveGroup(draftId: string, roundId: number, body: SaveGroupRequest): Promise<RevisionLog> {
  return request(`${logPath(draftId, roundId)}/groups`, RevisionLog, { body });
}

/** Changes a saved group's wording or answer. */
export function updateGroup(
  draftId: string,
  roundId: number,
  groupId: number,
  body: UpdateGroupRequest,
): Promise<RevisionLog> {
  return request(`${logPath(draftId, roundId)}/groups/${groupId}`, RevisionLog, { method: 'PATCH', body });
}

/** Dissolves a saved group back into automatic grouping. */
export function dissolveGroup(draftId: string, roundId: number, groupId: number): Promise<RevisionLog> {
  return request(`${logPath(draftId, roundId)}/groups/${groupId}`, RevisionLog, { method: 'DELETE' });
}

/** Edits per section since the round's version. */
export function loadHistory(draftId: string, roundId: number): Promise<RevisionHistory> {
  return request(`${logPath(draftId, roundId)}/history`, RevisionHistory);
}

/** One section's word diff since the round's version. */
export function loadSectionDiff(
  draftId: string,
  roundId: number,
  sectionId: string,
): Promise<z.infer<typeof SectionWordDiff>> {
  return request(`${logPath(draftId, roundId)}/history/${encodeURIComponent(sectionId)}`, SectionWordDiff);
}

/** The narrative report (stored or generated). */
export function loadReport(draftId: string, roundId: number): Promise<RevisionReport> {
  return request(`${logPath(draftId, roundId)}/report`, RevisionReport);
}

/** Stores the edited report; empty text returns to the generated one. */
export function saveReport(draftId: string, roundId: number, text: string): Promise<RevisionReport> {
  return request(`${logPath(draftId, roundId)}/report`, RevisionReport, { method: 'PUT', body: { text } });
}
