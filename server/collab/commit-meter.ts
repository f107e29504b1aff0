/**
 * What the update log reports about its commits, for metrics. A port: the collab core does
 * not know how (or whether) the numbers are exposed.
 */
export interface CommitMeter {
  /** One transaction committed `updates` updates in `seconds` (the transaction alone). */
  committed(updates: number, seconds: number): void;
}
