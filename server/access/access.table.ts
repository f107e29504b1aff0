/** One counter, bumped by every change of rights, so that open sockets know to re-check. */
export interface AccessEpochTable {
  id: number;
  value: number;
}

/** The access module's tables. */
export interface AccessTables {
  access_epoch: AccessEpochTable;
}
