import os from 'node:os';

/** Niceness of background worker threads (exports, compaction): 0 is the main thread's. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's CPU priority, so on a machine with few cores the event
 * loop serving live editors wins over an export or a compaction sharing its core. On Linux a
 * thread is its own scheduling entity and `setpriority(pid 0)` changes only the caller;
 * elsewhere it would change the whole process, so there it is left alone.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(nice);
  } catch {
    // Not permitted in some containers: the work still runs, only at normal priority.
  }
}
