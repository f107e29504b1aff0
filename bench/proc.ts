/**
 * CPU and memory of a process tree, read from /proc. A server started through tsx (or using
 * esbuild) is more than one process, so every figure is summed over the pid and its
 * descendants, found through the ppid field of /proc/<pid>/stat.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
/** Resolution of the CPU figures read from /proc, in ms. */
export const CPU_TICK_MS = 1000 / CLK_TCK;

/** pid and its descendants, found through the ppid field of /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields === null) continue;
    const ppid = Number(fields[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() ?? -1;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Fields of /proc/<pid>/stat after the "(comm)" part: [0]=state, [1]=ppid, [11]=utime, [12]=stime. */
function statFields(pid: number): string[] | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may contain spaces and parentheses; it ends at the last ')'.
    return raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU time (user+system) of the whole process tree, in microseconds. */
export function treeCpuMicros(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    const f = statFields(pid);
    if (f !== null) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks / CLK_TCK) * 1e6;
}

/** Resident memory (VmRSS) of the whole process tree, in bytes. */
export function treeRssBytes(root: number): number {
  let kib = 0;
  for (const pid of processTree(root)) {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kib += Number(m?.[1] ?? 0);
    } catch {
      // Process vanished between listing and reading.
    }
  }
  return kib * 1024;
}

/**
 * CPU time spent by the whole machine (all cores, everything but idle and iowait), in
 * microseconds. Used to show how much of the window went to processes other than the server
 * and the generator: on a shared 2-core box that is the first thing to rule out.
 */
export function machineBusyMicros(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu  user nice system idle iowait irq softirq steal ...
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0);
  return (busy / CLK_TCK) * 1e6;
}

/** CPU time (user+system) of exactly these processes (no descendants), in microseconds; gone ones count 0. */
export function pidsCpuMicros(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const f = statFields(pid);
    if (f !== null) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks / CLK_TCK) * 1e6;
}

/** Pids of the processes whose command name (/proc/<pid>/comm) is `comm`. */
export function pidsNamed(comm: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) out.push(Number(entry));
    } catch {
      // Process vanished between listing and reading.
    }
  }
  return out;
}

/**
 * Samples the RSS of `root`'s process tree every `everyMs` from now (the baseline) until
 * `stop`, which returns the report line: baseline, peak and growth in MB.
 */
export function sampleRssGrowth(root: number, everyMs = 20): { stop(target?: string): string } {
  const MB = 1024 * 1024;
  const baseline = treeRssBytes(root);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(root))), everyMs);
  return {
    stop(target) {
      clearInterval(sampler);
      peak = Math.max(peak, treeRssBytes(root));
      return (
        `server RSS: baseline ${(baseline / MB).toFixed(1)} MB, peak ${(peak / MB).toFixed(1)} MB, ` +
        `growth ${((peak - baseline) / MB).toFixed(1)} MB${target === undefined ? '' : ` (target ${target})`}`
      );
    },
  };
}
