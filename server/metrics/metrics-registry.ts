/**
 * A small Prometheus text-format (0.0.4) writer: counters, gauges read at scrape time, and
 * histograms. Our own rather than prom-client, whose default registry and default metrics are
 * process-wide; here every app instance owns its registry (tests run several servers in one
 * process) and we need only these three kinds.
 */

type Labels = Readonly<Record<string, string>>;

/** A value that only goes up; exposed as `<name>` (names of counters end in `_total`). */
export interface Counter {
  inc(by?: number): void;
}

/** A distribution of observations (e.g. seconds) in cumulative buckets. */
export interface Histogram {
  observe(value: number): void;
}

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  lines(): string[];
}

const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
};
const num = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

/** One app instance's metrics; `render()` is the body of `GET /metrics`. */
export class MetricsRegistry {
  private readonly families: Family[] = [];

  counter(name: string, help: string): Counter {
    let value = 0;
    this.add({ name, help, type: 'counter', lines: () => [`${name} ${num(value)}`] });
    return {
      inc: (by = 1) => {
        if (by > 0) value += by;
      },
    };
  }

  /** A gauge read when scraped: one sample, or several with labels. */
  gauge(name: string, help: string, read: () => number | readonly [Labels, number][]): void {
    this.add({
      name,
      help,
      type: 'gauge',
      lines: () => {
        const value = read();
        return typeof value === 'number'
          ? [`${name} ${num(value)}`]
          : value.map(([labels, v]) => `${name}${labelText(labels)} ${num(v)}`);
      },
    });
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const bounds = [...buckets].sort((a, b) => a - b);
    const counts = bounds.map(() => 0);
    let count = 0;
    let sum = 0;
    this.add({
      name,
      help,
      type: 'histogram',
      lines: () => [
        ...bounds.map((le, i) => `${name}_bucket{le="${num(le)}"} ${counts[i] ?? 0}`),
        `${name}_bucket{le="+Inf"} ${count}`,
        `${name}_sum ${num(sum)}`,
        `${name}_count ${count}`,
      ],
    });
    return {
      observe: (value) => {
        count += 1;
        sum += value;
        bounds.forEach((le, i) => {
          if (value <= le) counts[i] = (counts[i] ?? 0) + 1;
        });
      },
    };
  }

  /** The exposition text: `# HELP`, `# TYPE` and the samples of every family. */
  render(): string {
    const out: string[] = [];
    for (const f of this.families) {
      out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`, ...f.lines());
    }
    return `${out.join('\n')}\n`;
  }

  private add(family: Family): void {
    if (this.families.some((f) => f.name === family.name))
      throw new Error(`metric ${family.name} registered twice`);
    this.families.push(family);
  }
}
