import { afterEach, describe, expect, it } from 'vitest';
import { PoolFullError, WorkerPool, type PoolSize } from '../../server/worker-pool.ts';
import type { PoolTestRequest } from './fixtures/pool-test.worker.ts';

const pools: WorkerPool<PoolTestRequest, { value: string }>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(size: PoolSize) {
  const made = new WorkerPool<PoolTestRequest, { value: string }>(
    new URL('./fixtures/pool-test.worker.ts', import.meta.url),
    null,
    size,
  );
  pools.push(made);
  return made;
}

/** A gate a held request waits on in its worker until {@link open} is called. */
function gate() {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return {
    cell,
    open() {
      Atomics.store(cell, 0, 1);
      Atomics.notify(cell, 0);
    },
  };
}

describe('worker pool', () => {
  it('queues requests while every worker is busy and refuses past the queue, with a retry time', async () => {
    const workers = pool({ workers: 1, queue: 1 });
    const g = gate();
    const held = workers.run({ op: 'hold', gate: g.cell, value: 'held' });
    const queued = workers.run({ op: 'echo', value: 'queued' });
    const refused = await workers.run({ op: 'echo', value: 'refused' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PoolFullError);
    expect((refused as PoolFullError).retryAfterS).toBeGreaterThanOrEqual(1);
    g.open();
    expect((await held).value).toBe('held');
    expect((await queued).value).toBe('queued');
    expect((await workers.run({ op: 'echo', value: 'again' })).value).toBe('again');
  });

  it('a crashing worker fails only its own request, and the next request runs on a new thread', async () => {
    const workers = pool({ workers: 2, queue: 0 });
    const g = gate();
    const held = workers.run({ op: 'hold', gate: g.cell, value: 'survivor' });
    await expect(workers.run({ op: 'crash' })).rejects.toThrow(/exited with code 3/);
    g.open();
    expect((await held).value).toBe('survivor');
    const after = await Promise.all([
      workers.run({ op: 'echo', value: 'one' }),
      workers.run({ op: 'echo', value: 'two' }),
    ]);
    expect(after.map((r) => r.value)).toEqual(['one', 'two']);
  });

  it('a worker that dies mid-job fails that job with an error naming the worker and its exit code; the next job runs on a fresh thread', async () => {
    const workers = pool({ workers: 1, queue: 1 });
    const first = (await workers.run({ op: 'thread' })).value;
    const g = gate();
    // The job has started (the worker is blocked inside it) when the gate lets it crash.
    const dying = workers.run({ op: 'crash', gate: g.cell });
    const next = workers.run({ op: 'thread' }); // queued behind the dying job
    g.open();
    await expect(dying).rejects.toThrow(/worker .*pool-test\.worker\.ts exited with code 3/);
    const fresh = (await next).value;
    expect(fresh).not.toBe(first);
    expect((await workers.run({ op: 'echo', value: 'still serving' })).value).toBe('still serving');
  });
});
