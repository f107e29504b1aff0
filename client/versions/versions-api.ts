import { z } from 'zod';
import {
  HistoryDiff,
  SnapshotList,
  VersionList,
  VersionSummary,
  type HistoryPoint,
} from '../../shared/api/versions.ts';
import { request } from '../api/api-client.ts';

const base = (draftId: string) => `/drafts/${encodeURIComponent(draftId)}`;

/** A draft's numbered versions and the record of restores. */
export function listVersions(draftId: string): Promise<VersionList> {
  return request(`${base(draftId)}/versions`, VersionList);
}

/** A draft's automatic snapshots, newest first. */
export function listSnapshots(draftId: string): Promise<SnapshotList> {
  return request(`${base(draftId)}/snapshots`, SnapshotList);
}

/** Freezes automatic snapshot `snapshotId` as the next numbered version. */
export function nameSnapshot(draftId: string, snapshotId: number, note: string): Promise<VersionSummary> {
  return request(`${base(draftId)}/snapshots/${snapshotId}/name`, VersionSummary, { body: { note } });
}

/** The changes between two points of the draft's history, added runs with their author. */
export function historyDiff(draftId: string, from: HistoryPoint, to: HistoryPoint): Promise<HistoryDiff> {
  const query = new URLSearchParams({ from, to });
  return request(`${base(draftId)}/history/diff?${query}`, HistoryDiff);
}

/** Brings back version `number` as a new edit. */
export function restoreVersion(draftId: string, number: number): Promise<undefined> {
  return request(`${base(draftId)}/versions/${number}/restore`, z.undefined(), { method: 'POST' });
}
