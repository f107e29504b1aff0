import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CommitMeter } from '../collab/core/commit-meter.ts';
import { MetricsRegistry } from './metrics-registry.ts';

/** What the metrics read when scraped; each is a getter, so it may name parts built later. */
export interface MetricsSources {
  /** Open collaboration sockets. */
  readonly connections: () => number;
  /** Rooms (drafts) loaded in memory. */
  readonly rooms: () => number;
  /** Export jobs waiting for a worker of the render pool. */
  readonly exportQueue?: (() => number) | undefined;
}

/** One app instance's metrics: the meter handed to the collab core, the exposition, and a stop. */
export interface AppMetrics {
  readonly meter: CommitMeter;
  render(): string;
  /** Stops the event-loop sampler. */
  stop(): void;
}

/** Seconds: a commit is normally a fraction of a millisecond; the top buckets catch fsync stalls. */
const COMMIT_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** Builds the registry of one app instance and starts its event-loop sampler. */
export function createAppMetrics(sources: MetricsSources): AppMetrics {
  const registry = new MetricsRegistry();
  const updates = registry.counter(
    'vankien_collab_updates_total',
    'Yjs updates committed to the update log.',
  );
  const commits = registry.counter(
    'vankien_collab_commits_total',
    'Transactions of the update log (each holds one or more updates).',
  );
  const commitSeconds = registry.histogram(
    'vankien_collab_commit_duration_seconds',
    'Time of one update-log transaction, fsync included.',
    COMMIT_BUCKETS,
  );
  const phases = {
    validate: registry.histogram(
      'vankien_collab_validate_seconds',
      'Event-loop time to check one incoming edit (scratch copy, clientIDs, schema).',
      COMMIT_BUCKETS,
    ),
    wait: registry.histogram(
      'vankien_collab_commit_wait_seconds',
      'Time from handing an edit to the update-log writer to its commit (off the event loop).',
      COMMIT_BUCKETS,
    ),
    relay: registry.histogram(
      'vankien_collab_relay_seconds',
      "Event-loop time to apply one commit's writes to a draft and send them to its peers.",
      COMMIT_BUCKETS,
    ),
  };
  registry.gauge('vankien_collab_connections', 'Open collaboration WebSockets.', sources.connections);
  registry.gauge('vankien_collab_rooms_loaded', 'Drafts loaded in memory.', sources.rooms);
  registry.gauge(
    'vankien_export_queue_length',
    'Export jobs waiting for a worker of the render pool.',
    () => sources.exportQueue?.() ?? 0,
  );
  // Sampled continuously; each scrape reports the delays since the previous scrape.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  registry.gauge(
    'vankien_event_loop_delay_seconds',
    'Event-loop delay since the previous scrape (quantiles and max).',
    () => {
      const s = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
      const samples: [Record<string, string>, number][] = [
        [{ quantile: '0.5' }, s(loop.percentile(50))],
        [{ quantile: '0.99' }, s(loop.percentile(99))],
        [{ quantile: '1' }, s(loop.max)],
      ];
      loop.reset();
      return samples;
    },
  );
  registry.gauge('vankien_process_resident_memory_bytes', 'Resident memory of the process.', () =>
    process.memoryUsage.rss(),
  );
  return {
    meter: {
      committed(count, seconds) {
        updates.inc(count);
        commits.inc();
        commitSeconds.observe(seconds);
      },
      phase(phase, seconds) {
        phases[phase].observe(seconds);
      },
    },
    render: () => registry.render(),
    stop: () => loop.disable(),
  };
}
