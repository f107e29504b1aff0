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
import { apiPath, apiUrl, request } from '../api/api-client.ts';

/** `/api` path of a round's revision log, or of one of its parts. */
function logPath(draftId: string, roundId: number, ...rest: (string | number)[]): string {
  return apiPath(['drafts', draftId, 'rounds', roundId, 'log', ...rest]);
}

/** The download URL of the consolidated table as a Word document or a spreadsheet. */
export function logFileUrl(draftId: string, roundId: number, format: 'docx' | 'csv'): string {
  return apiUrl(apiPath(['drafts', draftId, 'rounds', roundId, 'log', 'export'], { format }));
}

/** The download URL of the narrative report as a Word document. */
export function reportFileUrl(draftId: string, roundId: number): string {
  return apiUrl(
    apiPath(['drafts', draftId, 'rounds', roundId, 'log', 'report', 'export'], { format: 'docx' }),
  );
}

/** The consolidated table; `threshold` tunes the grouping, `unsent` lists comments not sent yet. */
export function loadLog(
  draftId: string,
  roundId: number,
  threshold?: number,
  unsent = false,
): Promise<RevisionLog> {
  const query = { threshold, unsent: unsent ? 'true' : undefined };
  return request(apiPath(['drafts', draftId, 'rounds', roundId, 'log'], query), RevisionLog);
}

/** The round's comments most like one comment, best first. */
export function loadSimilar(draftId: string, roundId: number, commentId: number): Promise<SimilarComments> {
  return request(logPath(draftId, roundId, 'similar', commentId), SimilarComments);
}

/** Saves comments as one group (merge, split), optionally worded and answered. */
export function saveGroup(draftId: string, roundId: number, body: SaveGroupRequest): Promise<RevisionLog> {
  return request(logPath(draftId, roundId, 'groups'), RevisionLog, { body });
}

/** Changes a saved group's wording or answer. */
export function updateGroup(
  draftId: string,
  roundId: number,
  groupId: number,
  body: UpdateGroupRequest,
): Promise<RevisionLog> {
  return request(logPath(draftId, roundId, 'groups', groupId), RevisionLog, { method: 'PATCH', body });
}

/** Dissolves a saved group back into automatic grouping. */
export function dissolveGroup(draftId: string, roundId: number, groupId: number): Promise<RevisionLog> {
  return request(logPath(draftId, roundId, 'groups', groupId), RevisionLog, { method: 'DELETE' });
}

/** Edits per section since the round's version. */
export function loadHistory(draftId: string, roundId: number): Promise<RevisionHistory> {
  return request(logPath(draftId, roundId, 'history'), RevisionHistory);
}

/** One section's word diff since the round's version. */
export function loadSectionDiff(
  draftId: string,
  roundId: number,
  sectionId: string,
): Promise<z.infer<typeof SectionWordDiff>> {
  return request(logPath(draftId, roundId, 'history', sectionId), SectionWordDiff);
}

/** The narrative report (stored or generated). */
export function loadReport(draftId: string, roundId: number): Promise<RevisionReport> {
  return request(logPath(draftId, roundId, 'report'), RevisionReport);
}

/** Stores the edited report; empty text returns to the generated one. */
export function saveReport(draftId: string, roundId: number, text: string): Promise<RevisionReport> {
  return request(logPath(draftId, roundId, 'report'), RevisionReport, { method: 'PUT', body: { text } });
}
