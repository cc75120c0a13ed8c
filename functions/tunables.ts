/**
 * The numbers a deployment may tune, each with its default and the range it may take, set once: infra/settings.ts
 * reads them from CDK context and the functions from their environment (functions/config.ts names), so synthesis
 * refuses exactly what a cold start would, and both fall back to the same default.
 */
export interface Tunable {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export const tunables = {
  /** The state pension age in years (docs/domain.md): regulation-dependent, 65 from 2025. */
  pensionAge: { default: 65, min: 50, max: 80 },
  /** Applications one representative may file per Riga day before 429 (docs/access.md). */
  representativeDailyLimit: { default: 5, min: 1, max: 1000 },
  /** Notifier: deliveries of a stream record that may meet a temporary SES failure before it is recorded as failed. */
  notificationMaxDeliveries: { default: 8, min: 1, max: 50 },
  /** Notifier: the first pause (ms) before a temporarily failed record is handed back, doubling each time (0: none). */
  notificationRetryBaseMs: { default: 1000, min: 0, max: 60_000 },
} as const satisfies Record<string, Tunable>;

export type TunableName = keyof typeof tunables;

/** A tunable as configured (`value` unset: its default); anything but a whole number in its range stops with `source`'s name. */
export const tunedValue = (name: TunableName, value: string | number | undefined, source: string): number => {
  const { default: fallback, min, max } = tunables[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`${source} must be a whole number from ${min} to ${max}`);
  return number;
};
