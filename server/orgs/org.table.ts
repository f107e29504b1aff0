import type { Generated, Selectable } from 'kysely';
import type { OrgKind } from '../../shared/access.ts';

/** The organisation tree (Đảng ủy Khối → units → sub-branches and mass organisations). */
export interface OrgTable {
  id: Generated<number>;
  kind: OrgKind;
  name: string;
  short_name: string;
  parent_id: number | null;
  created_at: number;
}

/** The orgs module's tables. */
export interface OrgTables {
  orgs: OrgTable;
}

/** An org row as read. */
export type OrgRow = Selectable<OrgTable>;
