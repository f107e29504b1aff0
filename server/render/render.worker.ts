/**
 * Worker thread entry: renders export files (PDF, DOCX, Markdown, HTML, the revision table
 * and report) off the main thread, so a long export never delays live editors' keystrokes.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from '../worker-client.ts';
import { renderJob } from './render-job.ts';
import type { RenderRequest, RenderResult } from './render-pool.ts';
import { lowerThreadPriority } from '../worker-priority.ts';

lowerThreadPriority();

parentPort?.on('message', (request: RenderRequest) => {
  void handle(request).then((reply) => {
    parentPort?.postMessage(reply, 'body' in reply ? [reply.body] : []);
  });
});

async function handle({ id, job }: RenderRequest): Promise<WorkerReply<RenderResult>> {
  try {
    const bytes = await renderJob(job);
    // A small Buffer is a view into Node's shared pool: copy it so only its own bytes move.
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
    return { id, body: own.buffer as ArrayBuffer };
  } catch (error) {
    return { id, error: (error as Error).message };
  }
}
