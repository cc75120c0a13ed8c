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

/**
 * The A/A spread of a statistic: the baseline compared with itself, its samples split into alternate halves (they were
 * taken interleaved, so each half saw the same machine). Returned as a relative half-width: 0.04 means the baseline
 * differed from itself by 4 %, so a ratio closer than that to a target says nothing about the target.
 */
export const aaSpread = (samples: readonly number[], statistic: (samples: readonly number[]) => number = median): number => {
  const even = samples.filter((_, index) => index % 2 === 0);
  const odd = samples.filter((_, index) => index % 2 === 1);
  if (even.length === 0 || odd.length === 0) return Number.POSITIVE_INFINITY;
  return Math.abs(statistic(even) / statistic(odd) - 1);
};

/** "1.29× ± 0.05": a ratio with the A/A spread around it. */
export const ratioWithSpread = (value: number, spread: number): string => `${value.toFixed(2)}× ± ${(value * spread).toFixed(2)}`;

export type Outcome = 'met' | 'missed' | 'inconclusive';

/** Met or missed only when the whole band value × (1 ± spread) lies on one side of the upper bound. */
export const outcomeBeyondSpread = (value: number, limit: number, spread: number): Outcome =>
  value * (1 + spread) <= limit ? 'met' : value * (1 - spread) > limit ? 'missed' : 'inconclusive';

/** The table cell for outcomeBeyondSpread. */
export const verdictBeyondSpread = (value: number, limit: number, spread: number): string =>
  ({
    met: `met (≤ ${limit} beyond the spread)`,
    missed: `**missed** (> ${limit} beyond the spread)`,
    inconclusive: `inconclusive (${limit} is within the spread)`,
  })[outcomeBeyondSpread(value, limit, spread)];

/**
 * The two rows of a measured-against-baseline table: p50 (judged against `targetP50Ratio` beyond the A/A spread) and
 * p99 (reported). The spread is the baseline's alternate samples against each other (they were taken interleaved with
 * the measured ones), the noise a ratio carries on this machine. `labels` name the two rows.
 */
export const againstBaselineRows = (
  measured: readonly number[],
  baseline: readonly number[],
  targetP50Ratio: number,
  labels: readonly [string, string] = ['p50', 'p99'],
): string[][] =>
  ([50, 99] as const).map((p, row) => {
    const value = percentile(measured, p) / percentile(baseline, p);
    const spread = aaSpread(baseline, (samples) => percentile(samples, p));
    const target = p === 50 ? verdictBeyondSpread(Number(value.toFixed(2)), targetP50Ratio, spread) : '(reported)';
    return [labels[row]!, ms(percentile(measured, p)), ms(percentile(baseline, p)), ratioWithSpread(value, spread), target];
  });
