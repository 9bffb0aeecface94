/**
 * The latency histogram of the rollups (latency_hourly): bucket b holds durations in
 * (γ^(b-1), γ^b] ms with γ = 2^(1/4); bucket 0 holds ≤ 1 ms. Buckets of any hours and teams add
 * up, and a percentile read from them is the upper bound of the bucket it falls in (at most
 * 19% above the true value). Same formula as the SQL function latency_bucket().
 */
export const LATENCY_GAMMA = 2 ** 0.25;

export function latencyBucket(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.ceil(4 * Math.log2(ms) - 1e-9);
}

export function bucketUpperBoundMs(bucket: number): number {
  return bucket <= 0 ? 1 : LATENCY_GAMMA ** bucket;
}

/** The p-th percentile (0–100) of a histogram given as bucket → count, or null when empty. */
export function percentileFromBuckets(buckets: ReadonlyMap<number, number> | Record<number, number>, p: number): number | null {
  const entries = (buckets instanceof Map ? [...buckets.entries()] : Object.entries(buckets).map(([b, n]) => [Number(b), n] as [number, number]))
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [bucket, n] of entries) {
    seen += n;
    if (seen >= rank) return bucketUpperBoundMs(bucket);
  }
  return bucketUpperBoundMs(entries[entries.length - 1]![0]);
}
