/**
 * How hard to fuzz: FUZZ_RUNS cases per route (500 by default, `npm run fuzz`
 * uses 10 000), FUZZ_SEED to replay a failure fast-check reported. Every
 * property also has a time budget; running out of it fails the test rather
 * than quietly trying fewer cases.
 */
import type { Parameters as FastCheckParameters } from 'fast-check';

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number above 0, not ${value}`);
  return number;
};

export const fuzzRuns = positive(process.env.FUZZ_RUNS, 500, 'FUZZ_RUNS');

/** Generous per case (one handler call, ~4 ms measured; 30 times that on a busy 2-core machine), plus room to shrink a failure. */
const budgetMs = (runs: number) => 30_000 + runs * 120;

export const fuzzParameters = <T>(runs: number, examples: T[] = []): FastCheckParameters<T> => ({
  examples,
  numRuns: runs,
  ...(process.env.FUZZ_SEED && { seed: Number(process.env.FUZZ_SEED) }),
  interruptAfterTimeLimit: budgetMs(runs),
  markInterruptAsFailure: true,
});

/** The Vitest timeout of a property of `runs` cases: its budget and time to report. */
export const testTimeout = (runs: number) => budgetMs(runs) + 30_000;
