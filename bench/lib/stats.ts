/** Small statistics over samples in milliseconds (nearest-rank percentiles: no interpolation to flatter a tail). */

export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
};

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const mean = (samples: readonly number[]): number => samples.reduce((sum, value) => sum + value, 0) / samples.length;

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const ratio = (value: number): string => `${value.toFixed(2)}×`;

/** "met" / "missed" against an upper bound, with the bound, for tables. */
export const verdict = (value: number, limit: number): string => (value <= limit ? `met (≤ ${limit})` : `**missed** (> ${limit})`);
