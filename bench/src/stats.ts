/**
 * Delay distributions as log-scale histograms: 1% wide buckets from 1 µs up, so workers send a
 * few hundred numbers instead of one per delivery, and merging is adding. Percentiles are exact
 * to within 1%; the maximum is exact.
 */
export interface Histogram {
  /** bucket index -> count */
  buckets: Record<number, number>;
  count: number;
  maxUs: number;
}

const GROWTH = Math.log(1.01);

export const emptyHistogram = (): Histogram => ({ buckets: {}, count: 0, maxUs: 0 });

export function record(h: Histogram, us: number): void {
  const value = Math.max(1, us);
  const bucket = Math.floor(Math.log(value) / GROWTH);
  h.buckets[bucket] = (h.buckets[bucket] ?? 0) + 1;
  h.count += 1;
  if (value > h.maxUs) h.maxUs = value;
}

export function merge(into: Histogram, from: Histogram): Histogram {
  for (const [bucket, n] of Object.entries(from.buckets)) {
    into.buckets[Number(bucket)] = (into.buckets[Number(bucket)] ?? 0) + n;
  }
  into.count += from.count;
  into.maxUs = Math.max(into.maxUs, from.maxUs);
  return into;
}

/** The `p`-quantile (0..1) in milliseconds; null when nothing was recorded. */
export function quantileMs(h: Histogram, p: number): number | null {
  if (h.count === 0) return null;
  const rank = Math.max(1, Math.ceil(p * h.count));
  let seen = 0;
  for (const bucket of Object.keys(h.buckets)
    .map(Number)
    .sort((a, b) => a - b)) {
    seen += h.buckets[bucket];
    // The bucket's geometric middle, never above the true maximum.
    if (seen >= rank) return Math.min(Math.exp((bucket + 0.5) * GROWTH), h.maxUs) / 1000;
  }
  return h.maxUs / 1000;
}

/** p50, p99 and max, in milliseconds, of a plain list (small samples: HTTP round trips). */
export function summarize(values: number[]): { p50: number | null; p99: number | null; max: number | null } {
  if (values.length === 0) return { p50: null, p99: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** A small deterministic PRNG (mulberry32), so two runs build the same client mix. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
