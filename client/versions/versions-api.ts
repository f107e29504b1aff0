import { z } from 'zod';
import {
  HistoryDiff,
  SnapshotList,
  VersionDetail,
  VersionDiff,
  VersionList,
  VersionSummary,
  type HistoryPoint,
} from '../../shared/api/versions.ts';
import { apiPath, apiUrl, fetchOk, request } from '../api/api-client.ts';

const draft = (draftId: string, ...rest: (string | number)[]) => apiPath(['drafts', draftId, ...rest]);

/** A draft's numbered versions and the record of restores. */
export function listVersions(draftId: string): Promise<VersionList> {
  return request(draft(draftId, 'versions'), VersionList);
}

/** A draft's automatic snapshots, newest first. */
export function listSnapshots(draftId: string): Promise<SnapshotList> {
  return request(draft(draftId, 'snapshots'), SnapshotList);
}

/** Freezes automatic snapshot `snapshotId` as the next numbered version. */
export function nameSnapshot(draftId: string, snapshotId: number, note: string): Promise<VersionSummary> {
  return request(draft(draftId, 'snapshots', snapshotId, 'name'), VersionSummary, { body: { note } });
}

/** The changes between two points of the draft's history, added runs with their author. */
export function historyDiff(draftId: string, from: HistoryPoint, to: HistoryPoint): Promise<HistoryDiff> {
  return request(apiPath(['drafts', draftId, 'history', 'diff'], { from, to }), HistoryDiff);
}

/** Brings back version `number` as a new edit. */
export function restoreVersion(draftId: string, number: number): Promise<undefined> {
  return request(draft(draftId, 'versions', number, 'restore'), z.undefined(), { method: 'POST' });
}

/** Freezes the text being written as the next numbered version. */
export function freezeVersion(draftId: string, note: string): Promise<VersionSummary> {
  return request(draft(draftId, 'versions'), VersionSummary, { body: { note } });
}

/** Version `number` in full, to show it read-only. */
export function loadVersion(draftId: string, number: number) {
  return request(draft(draftId, 'versions', number), VersionDetail);
}

/** The changes from version `from` to version `to`, section by section. */
export function versionsDiff(draftId: string, from: number, to: number): Promise<VersionDiff> {
  return request(apiPath(['drafts', draftId, 'versions', 'diff'], { from, to }), VersionDiff);
}

/** Version `number` as a Yjs update (binary), to compare a round's text with the live one. */
export async function loadVersionState(draftId: string, number: number): Promise<Uint8Array> {
  const response = await fetchOk(apiUrl(draft(draftId, 'versions', number, 'state')));
  return new Uint8Array(await response.arrayBuffer());
}
