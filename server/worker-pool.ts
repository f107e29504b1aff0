import { WorkerClient, type RequestBody, type WorkerRequest } from './worker-client.ts';

/** How many workers a pool runs and how many requests may wait for one. */
export interface PoolSize {
  readonly workers: number;
  /** Requests waiting beyond the busy workers; past this the pool refuses. */
  readonly queue: number;
}

/** Thrown by {@link WorkerPool.run} when every worker is busy and the queue is full. */
export class PoolFullError extends Error {
  override readonly name = 'PoolFullError';

  constructor(
    /** A guess at when a slot frees up, from the recent run times (seconds, at least 1). */
    readonly retryAfterS: number,
  ) {
    super('every worker is busy and the queue is full');
  }
}

interface Waiting<Request extends WorkerRequest, Result extends object> {
  body: RequestBody<Request>;
  transfer: ArrayBuffer[];
  resolve: (result: { id: number } & Result) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed number of {@link WorkerClient}s, each given one request at a time, and a bounded
 * queue in front of them. One request per worker means a crash fails only the request that
 * caused it (the client restarts its thread for the next one). Our own ~80 lines rather than
 * piscina: we need no more than this, and {@link WorkerClient} already boots workers from
 * TypeScript source under tsx and from the compiled build.
 */
export class WorkerPool<Request extends WorkerRequest, Result extends object> {
  private readonly idle: WorkerClient<Request, Result>[];
  private readonly all: WorkerClient<Request, Result>[];
  private readonly queue: Waiting<Request, Result>[] = [];
  /** Exponential average of run times, for the Retry-After guess. */
  private averageMs = 1000;
  private closed = false;

  constructor(
    entry: URL,
    workerData: unknown,
    private readonly size: PoolSize,
  ) {
    this.all = Array.from({ length: Math.max(1, size.workers) }, () => new WorkerClient(entry, workerData));
    this.idle = [...this.all];
  }

  /** Requests waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs a request on a free worker, or queues it; throws {@link PoolFullError} when the queue is full. */
  run(body: RequestBody<Request>, transfer: ArrayBuffer[] = []): Promise<{ id: number } & Result> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    const client = this.idle.pop();
    if (client !== undefined) return this.dispatch(client, body, transfer);
    if (this.queue.length >= this.size.queue) {
      const ahead = this.queue.length + this.all.length;
      const seconds = Math.ceil((this.averageMs * ahead) / this.all.length / 1000);
      return Promise.reject(new PoolFullError(Math.min(60, Math.max(1, seconds))));
    }
    return new Promise((resolve, reject) => this.queue.push({ body, transfer, resolve, reject }));
  }

  /** Stops every worker; queued requests fail, requests in flight fail as their threads end. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('worker pool closed'));
    await Promise.all(this.all.map((client) => client.close()));
  }

  private async dispatch(
    client: WorkerClient<Request, Result>,
    body: RequestBody<Request>,
    transfer: ArrayBuffer[],
  ): Promise<{ id: number } & Result> {
    const started = performance.now();
    try {
      return await client.request(body, transfer);
    } finally {
      this.averageMs = 0.7 * this.averageMs + 0.3 * (performance.now() - started);
      this.release(client);
    }
  }

  /** Hands a freed worker the next queued request, or marks it idle. */
  private release(client: WorkerClient<Request, Result>): void {
    if (this.closed) return;
    const next = this.queue.shift();
    if (next === undefined) this.idle.push(client);
    else this.dispatch(client, next.body, next.transfer).then(next.resolve, next.reject);
  }
}
