import { BusyError } from '../http/app-error.ts';
import { workerModule, type WorkerRequest } from '../worker-client.ts';
import { PoolFullError, WorkerPool, type PoolSize } from '../worker-pool.ts';
import type { RenderJob } from './render-job.ts';

/** To the render worker: one job. */
export type RenderRequest = WorkerRequest & { job: RenderJob };

/** From the render worker: the file, its buffer transferred rather than copied. */
export interface RenderResult {
  body: ArrayBuffer;
}

/** Renders export files; the services depend on this, not on threads. */
export interface Renderer {
  /** The file's bytes; rejects with `export_busy` (503) when no render slot is free. */
  render(job: RenderJob): Promise<Uint8Array>;
}

/**
 * Renders on a pool of worker threads with a bounded queue: exports cost seconds of CPU,
 * which on the main thread would stall every live editor. Over the queue: 503 `export_busy`
 * with Retry-After, so a burst of exports degrades into retries rather than into lag.
 */
export class RenderPool implements Renderer {
  private readonly pool: WorkerPool<RenderRequest, RenderResult>;

  constructor(size: PoolSize) {
    this.pool = new WorkerPool(workerModule(import.meta.url, 'render.worker'), null, size);
  }

  async render(job: RenderJob): Promise<Uint8Array> {
    try {
      return new Uint8Array((await this.pool.run({ job })).body);
    } catch (error) {
      if (error instanceof PoolFullError)
        throw new BusyError('export_busy', 'Every export slot is busy; try again shortly', error.retryAfterS);
      throw error;
    }
  }

  /** Exports waiting for a worker (the metrics' queue gauge). */
  get waiting(): number {
    return this.pool.waiting;
  }

  /** Stops the workers (at shutdown). */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Renders on the calling thread: for the admin CLI and scripts, where nobody is typing. The
 * renderers are loaded on first use, so a server with a pool never loads them on its main thread.
 */
export const inlineRenderer: Renderer = {
  async render(job) {
    const { renderJob } = await import('./render-job.ts');
    return renderJob(job);
  },
};
