// Just enough of the Prometheus text exposition format (version 0.0.4) for the API's
// own metrics: counters, histograms and gauges with labels, no client library.
// https://prometheus.io/docs/instrumenting/exposition_formats/

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type Labels = Record<string, string>;

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

/** `{a="1",b="2"}`, or nothing without labels. */
export function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

const num = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

export function header(name: string, type: 'counter' | 'gauge' | 'histogram', help: string): string {
  return `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`;
}

export function sample(name: string, labels: Labels, value: number): string {
  return `${name}${labelText(labels)} ${num(value)}\n`;
}

/** A counter per label set. */
export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels, by = 1): void {
    const key = labelText(labels);
    const cur = this.values.get(key);
    if (cur) cur.value += by;
    else this.values.set(key, { labels, value: by });
  }

  render(): string {
    let out = header(this.name, 'counter', this.help);
    for (const { labels, value } of this.values.values()) out += sample(this.name, labels, value);
    return out;
  }
}

/** A histogram per label set, with cumulative `le` buckets, `_sum` and `_count`. */
export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((le, i) => {
      if (value <= le) s.counts[i]++;
    });
    s.sum += value;
    s.count++;
  }

  render(): string {
    let out = header(this.name, 'histogram', this.help);
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((le, i) => (out += sample(`${this.name}_bucket`, { ...labels, le: String(le) }, counts[i])));
      out += sample(`${this.name}_bucket`, { ...labels, le: '+Inf' }, count);
      out += sample(`${this.name}_sum`, labels, sum);
      out += sample(`${this.name}_count`, labels, count);
    }
    return out;
  }
}
