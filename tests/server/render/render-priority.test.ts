import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RenderPool } from '../../../server/render/render-pool.ts';
import { BACKGROUND_NICE } from '../../../server/worker-priority.ts';
import type { RevisionLog } from '../../../shared/api/revision-log.ts';

/** Niceness of each thread of this process, from the kernel's task list. */
function threadNiceness(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3; nice is field 19.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[16]);
  });
}

const pool = new RenderPool({ workers: 1, queue: 0 });
afterAll(() => pool.close());

// Thread priorities are read from /proc, and only Linux lowers one thread's priority.
describe.runIf(process.platform === 'linux')('export workers', () => {
  it('render at a lower CPU priority than the thread serving live editors', async () => {
    const csv = await pool.render({
      kind: 'revision-csv',
      log: {
        groups: [],
        round: { versionLabel: 'Dự thảo lần 1' },
        nextVersion: null,
      } as unknown as RevisionLog,
    });
    expect(csv.byteLength).toBeGreaterThan(0);
    const nice = threadNiceness();
    expect(nice).toContain(BACKGROUND_NICE);
    // The main thread (the process's first task) keeps normal priority.
    expect(Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')[16])).toBe(0);
  });
});
