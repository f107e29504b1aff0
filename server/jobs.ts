import type { Logger } from './logger.ts';

/** A periodic job of the server: what it does and how often. */
export interface Job {
  readonly name: string;
  readonly everyMs: number;
  run(): void | Promise<unknown>;
}

/**
 * Starts the jobs and returns the function that stops them all. A failing run is logged and
 * the job keeps its schedule; the timers never hold the process open.
 */
export function startJobs(jobs: readonly Job[], log: Logger): () => void {
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      Promise.resolve()
        .then(() => job.run())
        .catch((error: unknown) => log.error({ err: error, job: job.name }, `${job.name} failed`));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
