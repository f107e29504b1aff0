import type { Disposition } from '../../shared/api/comments.ts';
import type { RevisionGroup } from '../../shared/api/revision-log.ts';
import { normaliseForSearch } from './search-text.ts';

/** Columns the table sorts by. */
export type SortKey = 'order' | 'count' | 'orgs' | 'disposition';

/** What the reader narrowed the table to. */
export interface TableView {
  readonly sort: SortKey;
  readonly descending: boolean;
  /** A section id, or '' for every section. */
  readonly section: string;
  /** A disposition, 'none' for unanswered, or '' for all. */
  readonly disposition: Disposition | 'none' | '';
  /** Words to find in the wording, comments or organisations. */
  readonly query: string;
}

/** The table as the server orders it, everything shown. */
export const DEFAULT_VIEW: TableView = {
  sort: 'order',
  descending: false,
  section: '',
  disposition: '',
  query: '',
};

const DISPOSITION_RANK: Record<Disposition | 'none', number> = {
  none: 0,
  accepted: 1,
  partly: 2,
  explained: 3,
  noted: 4,
};

/** The rows to show with their STT (their number in the full table, as exported). */
export function viewRows(
  groups: readonly RevisionGroup[],
  view: TableView,
): { stt: number; group: RevisionGroup }[] {
  const words = normaliseForSearch(view.query)
    .split(' ')
    .filter((w) => w !== '');
  const rows = groups
    .map((group, i) => ({ stt: i + 1, group }))
    .filter(({ group }) => view.section === '' || (group.sectionId ?? '') === view.section)
    .filter(({ group }) => view.disposition === '' || (group.disposition ?? 'none') === view.disposition)
    .filter(({ group }) => {
      if (words.length === 0) return true;
      const text = normaliseForSearch(
        [group.summary, ...group.comments.map((c) => c.body), ...group.orgs.map((o) => o.name)].join(' '),
      );
      return words.every((w) => text.includes(w));
    });
  const key = (row: { stt: number; group: RevisionGroup }): number => {
    switch (view.sort) {
      case 'order':
        return row.stt;
      case 'count':
        return row.group.comments.length;
      case 'orgs':
        return row.group.orgs.length;
      case 'disposition':
        return DISPOSITION_RANK[row.group.disposition ?? 'none'];
    }
  };
  const sign = view.descending ? -1 : 1;
  return rows.sort((a, b) => sign * (key(a) - key(b)) || a.stt - b.stt);
}
