/**
 * The annual report as `GET /staff/reports/{year}` answers it: the tables the
 * agency publishes (docs/domain.md, "2021 load figures"), per service and in total.
 * A service with nothing counted is absent from `services`; every channel,
 * category and outcome is present, 0 when none. Tracks appear when counted.
 */
import * as z from 'zod/mini';
import { builtOnFirstUse } from './built-on-first-use';
import { serviceIds } from './services';

export const reportChannels = ['self', 'representative', 'referral'] as const;
/** How decisions are counted (functions/core/lifecycle.ts, `decisionCategory`). */
export const decisionCategories = ['queue-admission', 'grant', 'refusal', 'other'] as const;
/** What became of a granted course. */
export const recipientOutcomes = ['started', 'not-started', 'completed'] as const;

const count = builtOnFirstUse(() => z.int().check(z.minimum(0)));
/** Keyed by the service's track ids. */
const perTrack = <T extends z.ZodMiniType>(value: T) => z.record(z.string(), value);
const DecisionCounts = builtOnFirstUse(() => z.object({ total: count, byCategory: z.record(z.enum(decisionCategories), count) }));
const OutcomeCounts = builtOnFirstUse(() => z.record(z.enum(recipientOutcomes), count));

export const ServiceReport = builtOnFirstUse(() => z.object({
  /** Applications filed in the year (by the Riga calendar), by channel and track. */
  applications: z.object({ total: count, byChannel: z.record(z.enum(reportChannels), count), byTrack: perTrack(count) }),
  /** Coordination decisions taken in the year, letters and requests included; course delivery is under `recipients`. */
  decisions: z.object({ ...DecisionCounts.shape, byTrack: perTrack(DecisionCounts) }),
  /** Granted courses that started, did not start or completed in the year. */
  recipients: z.object({ byOutcome: OutcomeCounts, byTrack: perTrack(OutcomeCounts) }),
  /** Applications withdrawn in the year, by the status they were withdrawn from. */
  withdrawals: z.object({ total: count, byFromStatus: z.record(z.string(), count), byTrack: perTrack(count) }),
  /** People in the queue at the end of the year. */
  queueAtYearEnd: z.object({ total: count, byTrack: perTrack(count) }),
}));
export type ServiceReport = z.infer<typeof ServiceReport>;

export const AnnualReport = builtOnFirstUse(() => z.object({
  year: z.int(),
  /** The services the report covers (a staff member's own); `totals` add up these. */
  scope: z.array(z.enum(serviceIds)),
  services: z.partialRecord(z.enum(serviceIds), ServiceReport),
  totals: z.object({
    applications: z.object({ total: count, byChannel: z.record(z.enum(reportChannels), count) }),
    decisions: DecisionCounts,
    recipients: z.object({ byOutcome: OutcomeCounts }),
    withdrawals: z.object({ total: count }),
    queueAtYearEnd: z.object({ total: count }),
  }),
}));
export type AnnualReport = z.infer<typeof AnnualReport>;
