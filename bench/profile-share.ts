/**
 * Share of a V8 CPU profile (`node --cpu-prof`) spent under given functions: a sample counts
 * for a pattern when ANY frame of its stack matches (inclusive, each sample once), and the
 * share is of all non-idle sampled time. Used to price authorisation inside `npm run bench`:
 *
 *   BENCH_NODE_ARGS_OURS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- --only ours --scenario 200x20 --no-join
 *   npx tsx bench/profile-share.ts /tmp/prof --window bench/results/logs/ours-200x20.window.json \
 *     collab/core/presence. collab/core/client-owners. access/socket-access-watch. access/collab-gate.
 *
 *   <profile>          a .cpuprofile, or a directory: every .cpuprofile in it is summed (main
 *                      thread and workers), each also shown on its own line
 *   <pattern>…         substring of a frame's script URL, optionally `#functionName` to
 *                      match one function only (e.g. `collab/core/presence.#withIdentity`; V8's
 *                      `Class.name` form matches too)
 *   --window <json>    only samples inside {startUs, endUs} on the monotonic clock, as
 *                      written by the bench (bench/results/logs/<kind>-<scenario>.window.json)
 *   --top N            also list the N script URLs with the most self time (default 12)
 *   --except <pat>     (repeatable) also give the ANY share leaving out samples under this
 *                      pattern, e.g. the awareness relay inside Presence.apply, which every
 *                      y-websocket server does: `--except 'collab/core/presence.#handleChange'`
 *   --breakdown <pat>  also list the functions with the most self time among the samples
 *                      under one pattern (what a matched function spends its time on)
 *
 * Inclusive stacks see synchronous work only: code that runs after an `await` (e.g. a
 * database query issued by an async function) is attributed to whatever resumed it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Pattern {
  text: string;
  url: string;
  fn: string | null;
}

/** Per profile: sampled µs in total, idle, per pattern and for any pattern, plus self time by URL. */
interface Tally {
  file: string;
  totalUs: number;
  idleUs: number;
  gcUs: number;
  perPattern: number[];
  anyUs: number;
  /** Like anyUs, leaving out samples under an `--except` pattern. */
  anyExceptUs: number;
  selfByUrl: Map<string, number>;
  /** Self time by function among samples under `breakdown` (when given). */
  breakdown: Map<string, number>;
  range: [number, number];
  windowed: [number, number] | null;
}

function parsePattern(text: string): Pattern {
  const hash = text.lastIndexOf('#');
  return hash < 0
    ? { text, url: text, fn: null }
    : { text, url: text.slice(0, hash), fn: text.slice(hash + 1) };
}

function matches(frame: CallFrame, p: Pattern): boolean {
  // V8 names methods and class-field arrows either `name` or `Class.name`.
  const fn = frame.functionName;
  return frame.url.includes(p.url) && (p.fn === null || fn === p.fn || fn.endsWith(`.${p.fn}`));
}

function tally(
  file: string,
  patterns: Pattern[],
  window: { startUs: number; endUs: number } | null,
  breakdown: number | null,
  /** Bits of the patterns that count towards ANY, and of the `--except` ones. */
  bits: { any: number; except: number },
): Tally {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // Per node: bitmask of the patterns matched anywhere on its stack (memoised up the tree).
  const masks = new Map<number, number>();
  const maskOf = (id: number): number => {
    const known = masks.get(id);
    if (known !== undefined) return known;
    const chain: number[] = [];
    let cur: number | undefined = id;
    let mask = 0;
    while (cur !== undefined) {
      const m = masks.get(cur);
      if (m !== undefined) {
        mask = m;
        break;
      }
      chain.push(cur);
      cur = parent.get(cur);
    }
    for (const nodeId of chain.reverse()) {
      const frame = byId.get(nodeId)?.callFrame;
      if (frame !== undefined) patterns.forEach((p, i) => (mask |= matches(frame, p) ? 1 << i : 0));
      masks.set(nodeId, mask);
    }
    return mask;
  };

  const t: Tally = {
    file,
    totalUs: 0,
    idleUs: 0,
    gcUs: 0,
    perPattern: patterns.map(() => 0),
    anyUs: 0,
    anyExceptUs: 0,
    selfByUrl: new Map(),
    breakdown: new Map(),
    range: [profile.startTime, profile.endTime],
    windowed: null,
  };
  // Sample i lasts until sample i+1 (as DevTools counts it); the last one until endTime.
  const stamps: number[] = [];
  let clock = profile.startTime;
  for (const delta of profile.timeDeltas) stamps.push((clock += delta));
  let first = Infinity;
  let last = -Infinity;
  profile.samples.forEach((id, i) => {
    const at = stamps[i] ?? profile.endTime;
    const us = (stamps[i + 1] ?? profile.endTime) - at;
    if (window !== null && (at < window.startUs || at >= window.endUs)) return;
    first = Math.min(first, at);
    last = Math.max(last, at);
    const frame = byId.get(id)?.callFrame;
    const name = frame?.functionName ?? '';
    if (name === '(idle)') {
      t.idleUs += us;
      return;
    }
    t.totalUs += us;
    if (name === '(garbage collector)') t.gcUs += us;
    const key = frame === undefined || frame.url === '' ? name : frame.url;
    t.selfByUrl.set(key, (t.selfByUrl.get(key) ?? 0) + us);
    const mask = maskOf(id);
    if ((mask & bits.any) !== 0) {
      t.anyUs += us;
      if ((mask & bits.except) === 0) t.anyExceptUs += us;
    }
    patterns.forEach((_, k) => {
      if ((mask & (1 << k)) !== 0) t.perPattern[k]! += us;
    });
    if (breakdown !== null && (mask & (1 << breakdown)) !== 0) {
      const fn = `${name || '(anonymous)'} ${frame === undefined || frame.url === '' ? '' : path.basename(frame.url)}`;
      t.breakdown.set(fn, (t.breakdown.get(fn) ?? 0) + us);
    }
  });
  if (window !== null && first <= last) t.windowed = [first, last];
  return t;
}

function profilesIn(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .map((f) => path.join(target, f));
}

const pct = (part: number, whole: number): string =>
  whole > 0 ? `${((part / whole) * 100).toFixed(2).padStart(6)} %` : '   n/a';
const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      window: { type: 'string' },
      top: { type: 'string', default: '12' },
      breakdown: { type: 'string' },
      except: { type: 'string', multiple: true },
    },
    allowPositionals: true,
    strict: true,
  });
  const [target, ...texts] = positionals;
  if (target === undefined || texts.length === 0) {
    console.error('usage: tsx bench/profile-share.ts <file.cpuprofile|dir> [--window w.json] <pattern>…');
    process.exit(2);
  }
  // Each pattern is one bit of a 32-bit mask: texts, excepts and the breakdown must fit in 30.
  if (texts.length + (values.except?.length ?? 0) + 1 > 30) throw new Error('at most 29 patterns in all');
  const patterns = texts.map(parsePattern);
  const bits = { any: (1 << patterns.length) - 1, except: 0 };
  const excepts = values.except ?? [];
  for (const text of excepts) bits.except |= 1 << (patterns.push(parsePattern(text)) - 1);
  // The breakdown pattern rides along as one more (last) pattern, unless it is one already.
  let breakdown: number | null = null;
  if (values.breakdown !== undefined) {
    breakdown = texts.indexOf(values.breakdown);
    if (breakdown < 0) breakdown = patterns.push(parsePattern(values.breakdown)) - 1;
  }
  const window =
    values.window === undefined
      ? null
      : (JSON.parse(readFileSync(values.window, 'utf8')) as { startUs: number; endUs: number });
  const tallies = profilesIn(target).map((f) => tally(f, patterns, window, breakdown, bits));
  if (tallies.length === 0) throw new Error(`no .cpuprofile in ${target}`);

  if (window !== null) {
    console.log(`window: ${((window.endUs - window.startUs) / 1e6).toFixed(1)} s on the monotonic clock`);
  }
  const sum = (get: (t: Tally) => number): number => tallies.reduce((a, t) => a + get(t), 0);
  for (const t of tallies) {
    const span = t.windowed ?? t.range;
    const note = window !== null && t.windowed === null ? ' (no samples inside the window)' : '';
    console.log(
      `${path.basename(t.file)}: ${ms(t.totalUs)} busy, ${ms(t.idleUs)} idle over ${((span[1] - span[0]) / 1e6).toFixed(1)} s${note}; any pattern ${pct(t.anyUs, t.totalUs)}`,
    );
  }
  const total = sum((t) => t.totalUs);
  const gc = pct(
    sum((t) => t.gcUs),
    total,
  ).trim();
  console.log(`\nall profiles: ${ms(total).trim()} non-idle sampled time (GC ${gc})`);
  console.log('inclusive share of non-idle time (a sample counts once when any frame matches):');
  patterns.slice(0, texts.length).forEach((p, k) => {
    const us = sum((t) => t.perPattern[k] ?? 0);
    console.log(`  ${pct(us, total)}  ${ms(us)}  ${p.text}`);
  });
  const any = sum((t) => t.anyUs);
  console.log(`  ${pct(any, total)}  ${ms(any)}  ANY of the above`);
  if (excepts.length > 0) {
    const anyExcept = sum((t) => t.anyExceptUs);
    console.log(`  ${pct(anyExcept, total)}  ${ms(anyExcept)}  ANY, except under ${excepts.join(', ')}`);
  }

  if (breakdown !== null) {
    const fns = new Map<string, number>();
    for (const t of tallies) for (const [fn, us] of t.breakdown) fns.set(fn, (fns.get(fn) ?? 0) + us);
    const under = sum((t) => t.perPattern[breakdown] ?? 0);
    console.log(`\nself time under ${values.breakdown} (${ms(under).trim()}), by function:`);
    for (const [fn, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log(`  ${pct(us, total)}  ${ms(us)}  ${fn}`);
    }
  }

  const top = Number(values.top);
  if (top > 0) {
    const self = new Map<string, number>();
    for (const t of tallies) for (const [url, us] of t.selfByUrl) self.set(url, (self.get(url) ?? 0) + us);
    console.log(`\nself time by script (top ${top}):`);
    for (const [url, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${pct(us, total)}  ${ms(us)}  ${url}`);
    }
  }
}

main();
