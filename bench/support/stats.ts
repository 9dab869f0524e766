// Summary statistics for bench samples: medians over runs, percentiles over calls. Pure.

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no samples');
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`a sample is not a finite number: ${values.join(', ')}`);
  return [...values].sort((a, b) => a - b);
}

/**
 * The p-th percentile (0–100) by the nearest-rank method: always one of the samples, so a p95 over 20 calls
 * is the 19th slowest call, never an interpolation between two.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0–100, not ${p}`);
  const ordered = sorted(values);
  const rank = Math.max(1, Math.ceil((p / 100) * ordered.length));
  return ordered[rank - 1] as number;
}

/** The middle sample, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  const mid = Math.floor(ordered.length / 2);
  const upper = ordered[mid] as number;
  return ordered.length % 2 === 1 ? upper : ((ordered[mid - 1] as number) + upper) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const ordered = sorted(values);
  return { runs: ordered.length, median: median(ordered), min: ordered[0] as number, max: ordered[ordered.length - 1] as number };
}

/** Rounds for display and JSON: 3 significant digits below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value);
  if (magnitude === 0) return 0;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(magnitude)));
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
