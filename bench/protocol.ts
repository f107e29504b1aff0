/**
 * Shapes exchanged between the orchestrator (run.ts) and the load generator (load.ts).
 * The generator receives its config as a JSON argv and reports over the Node IPC channel;
 * both directions are validated with zod because IPC payloads arrive as `unknown`.
 */
import { z } from 'zod';
import { WORKLOADS } from './workload.js';

// An empty sample yields NaN percentiles (zod's number() rejects NaN, so allow it explicitly).
const stat = z.union([z.number(), z.nan()]);
const percentiles = z.object({ count: z.number(), p50: stat, p95: stat, p99: stat, max: stat });

/** What the generator is asked to do. */
export const LoadConfig = z.object({
  /** One `/collab` URL per server instance (bench/deployment.ts). */
  collabUrls: z.array(z.string()).min(1),
  /** How clients are spread over the instances (see `instanceFor`). */
  placement: z.enum(['spread', 'draft']),
  /** Wire protocol of the server, hence which provider the clients use. */
  protocol: z.enum(['y-websocket', 'hocuspocus']),
  /** What each edit does (bench/workload.ts). */
  workload: z.enum(WORKLOADS),
  roomPrefix: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  clients: z.number().int().positive(),
  drafts: z.number().int().positive(),
  /** Credentials to connect with (`?token=`); client j uses tokens[j % tokens.length]. */
  tokens: z.array(z.string().min(1)).min(1),
  /** Edits per second per client. */
  rate: z.number().positive(),
  seconds: z.number().positive(),
  warmupSeconds: z.number().nonnegative(),
  quiesceTimeoutMs: z.number().positive(),
});
/** What the generator is asked to do. */
export type LoadConfig = z.infer<typeof LoadConfig>;

/** The room (draft id) of draft number `index` of a scenario; the orchestrator creates these drafts. */
export function draftRoom(roomPrefix: string, index: number): string {
  return `${roomPrefix}-d${index}`;
}

/** How clients are placed on several instances: alternating within each draft, or by draft id. */
export type Placement = LoadConfig['placement'];

/**
 * The instance a client connects to: `spread` alternates within each draft by the client's
 * index in its draft (every draft has editors on every instance); `draft` hashes the draft id
 * (FNV-1a), as a proxy rule on `/collab/<draftId>` would.
 */
export function instanceFor(placement: Placement, instances: number, room: string, local: number): number {
  if (instances <= 1) return 0;
  if (placement === 'spread') return local % instances;
  let h = 0x811c9dc5;
  for (let i = 0; i < room.length; i++) {
    h ^= room.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % instances;
}

/** Per-run numbers measured inside the generator. */
export const LoadResult = z.object({
  windowMs: z.number(),
  connectMs: z.number(),
  quiesceMs: z.number(),
  edits: z.number(),
  expectedDeliveries: z.number(),
  deliveries: z.number(),
  missingDeliveries: z.number(),
  incompleteEdits: z.number(),
  latEdit: percentiles,
  latDelivery: percentiles,
  divergentDrafts: z.number(),
  divergentClients: z.number(),
  disconnects: z.number(),
  genCpuPct: z.number(),
  loopDelayP99Ms: z.number(),
});
/** Per-run numbers measured inside the generator. */
export type LoadResult = z.infer<typeof LoadResult>;

/** Messages from the generator, in order: ready, window-start, window-end, result (or error). */
export const LoadMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), connectMs: z.number() }),
  z.object({ type: z.literal('window-start') }),
  z.object({ type: z.literal('window-end') }),
  z.object({ type: z.literal('result'), result: LoadResult }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
/** Messages from the generator, in order: ready, window-start, window-end, result (or error). */
export type LoadMessage = z.infer<typeof LoadMessage>;
