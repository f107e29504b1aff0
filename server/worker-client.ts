import { Worker } from 'node:worker_threads';

/**
 * The URL of a worker module next to `base` (an `import.meta.url`): `.ts` when running from
 * source under tsx, `.js` when running the compiled build.
 */
export function workerModule(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/** A request to a worker thread; `id` pairs it with its reply. */
export interface WorkerRequest {
  id: number;
}

/** A request's body, before the client numbers it (distributes over a union of requests). */
export type RequestBody<Request> = Request extends WorkerRequest ? Omit<Request, 'id'> : never;

/** A worker's reply: a result, or an error message. */
export type WorkerReply<Result> = ({ id: number } & Result) | { id: number; error: string };

/**
 * Request/response over a worker thread running one of our TypeScript modules. The worker is
 * started on first use and restarted after a crash; a crash fails the requests in flight.
 */
export class WorkerClient<Request extends WorkerRequest, Result extends object> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (result: { id: number } & Result) => void; reject: (error: Error) => void }
  >();

  constructor(
    /** The worker module, from {@link workerModule}. */
    private readonly entry: URL,
    private readonly workerData: unknown,
  ) {}

  /** Starts the worker now rather than on the first request (which would then wait for it). */
  warm(): void {
    this.worker ??= this.start();
  }

  /** Sends a request and resolves with the worker's result (rejects with its error). */
  request(body: RequestBody<Request>, transfer: ArrayBuffer[] = []): Promise<{ id: number } & Result> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  /** Stops the worker; requests still in flight fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private start(): Worker {
    const options = { workerData: this.workerData };
    // Source files run through tsx (npm run dev, npm run cli, vitest): bootstrap the worker
    // through tsx too. npm start runs the compiled build, whose .js workers start directly.
    const worker = this.entry.pathname.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(this.entry.href)}, ${JSON.stringify(import.meta.url)}))`,
          { ...options, eval: true },
        )
      : new Worker(this.entry, options);
    worker.unref();
    worker.on('message', (reply: WorkerReply<Result>) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply);
    });
    const failAll = (error: Error) => {
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`worker ${this.entry.pathname} exited with code ${code}`)));
    return worker;
  }
}
