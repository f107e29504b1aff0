import { Worker } from 'node:worker_threads';

/** Asks the worker to fold the log rows of `doc` up to `upTo` into a new snapshot. */
export interface CompactionRequest {
  id: number;
  doc: string;
  upTo: number;
}

/** The worker's answer: the new state and which rows it covers, or an error. */
export type CompactionReply =
  | { id: number; base: number; state: Uint8Array; count: number; bytes: number }
  | { id: number; error: string };

/** The main-thread side of the compaction worker: started on first use, one at a time. */
export class CompactionWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (r: CompactionReply) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly file: string) {}

  /** Builds the snapshot in the worker thread. */
  run(doc: string, upTo: number): Promise<Extract<CompactionReply, { state: Uint8Array }>> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, {
        resolve: (reply) => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)),
        reject,
      });
      worker.postMessage({ id, doc, upTo } satisfies CompactionRequest);
    });
  }

  /** Stops the worker; requests still running fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private start(): Worker {
    const entry = new URL('./compaction.worker.ts', import.meta.url);
    // Source files run through tsx (npm start, vitest): bootstrap the worker through tsx too.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`,
          { eval: true, workerData: { file: this.file } },
        )
      : new Worker(new URL('./compaction.worker.js', import.meta.url), { workerData: { file: this.file } });
    worker.unref();
    worker.on('message', (reply: CompactionReply) => {
      this.waiting.get(reply.id)?.resolve(reply);
      this.waiting.delete(reply.id);
    });
    const failAll = (error: Error) => {
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`compaction worker exited with code ${code}`)));
    return worker;
  }
}
