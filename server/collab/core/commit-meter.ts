/**
 * What the update log reports about its commits, for metrics. A port: the collab core does
 * not know how (or whether) the numbers are exposed.
 */
export interface CommitMeter {
  /** One transaction committed `updates` updates in `seconds` (the transaction alone). */
  committed(updates: number, seconds: number): void;
  /**
   * One step of an edit's way through a room took `seconds`: `validate` (the scratch copy
   * and the checks, on the event loop), `wait` (from handing it to the writer to its commit,
   * off the event loop) and `relay` (applying a commit's writes and sending them, on the
   * event loop). Where the event loop's time goes, and what a stall came from.
   */
  phase?(phase: 'validate' | 'wait' | 'relay', seconds: number): void;
}
