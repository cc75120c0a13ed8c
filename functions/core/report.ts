/**
 * The annual report (docs/domain.md, "2021 load figures") kept as counters. Each
 * timeline event adds a few increments when the table stream delivers it, so
 * building a report reads counters, never applications.
 *
 * Increments depend only on the event and on the application's service and
 * track, which never change: counting an event late, or again, yields the same
 * increments, and the store applies them once per event (see `ReportStore`).
 */
import { decisionTypes, type DecisionType } from '../../schemas/decision';
import { applicationStatuses, type ApplicationStatus } from '../../schemas/lifecycle';
import {
  decisionCategories,
  recipientOutcomes,
  reportChannels,
  type AnnualReport,
  type ServiceReport,
} from '../../schemas/report';
import { serviceIds, type ServiceId } from '../../schemas/services';
import { rigaDate } from './dates';
import { decisionCategory } from './lifecycle';
import type { Application, Channel, TimelineEvent } from './model';
import { destructionIncrements, statusIncrements, type CountingSinceStore, type DestroyedApplication, type StatusIncrement } from './status-counts';

export type DecisionCategory = (typeof decisionCategories)[number];
export type RecipientOutcome = (typeof recipientOutcomes)[number];

/** One figure of a service's track: what is counted, and by which value. */
export type Figure =
  | { readonly metric: 'applications'; readonly dimension: Channel }
  | { readonly metric: 'decisions'; readonly dimension: DecisionCategory }
  | { readonly metric: 'recipients'; readonly dimension: RecipientOutcome }
  | { readonly metric: 'withdrawals'; readonly dimension: ApplicationStatus };

interface Scope {
  /** The year of the event on the Riga calendar. */
  readonly year: number;
  /** Its month of that year (1–12), on the same calendar. */
  readonly month: number;
  readonly serviceId: ServiceId;
  readonly track: string;
}

/** Counters only grow; the queue's net change (kept per year and per month) may also shrink. */
export type Increment = Scope & ((Figure & { readonly delta: 1 }) | { readonly metric: 'queue'; readonly delta: 1 | -1 });

/** A stored counter of one year (the year is the caller's). */
export type Counter = Figure & { readonly serviceId: ServiceId; readonly track: string; readonly count: number };

/** The net change of one track's queue in one year; the length at a year's end is the sum up to it. */
export interface QueueNet {
  readonly year: number;
  readonly serviceId: ServiceId;
  readonly track: string;
  readonly net: number;
}

/** The net change of one track's queue in one month (1–12) of a year. */
export interface QueueMonthNet extends QueueNet {
  readonly month: number;
}

/**
 * Course delivery is recorded as staff decisions, but the agency counts it as
 * recipients, not among its coordination decisions: 2021 had 5,867 social
 * rehabilitation decisions, fewer than its 3,502 grants + 398 admissions +
 * 3,274 recipients who started or did not start.
 */
const courseOutcomes: Partial<Record<DecisionType, RecipientOutcome>> = {
  start: 'started',
  'not-started': 'not-started',
  complete: 'completed',
};

/**
 * Events that change a figure or a status count (functions/core/status-counts.ts); the others (notifications,
 * views…) are ignored without reading anything.
 */
export const countedEventTypes: readonly TimelineEvent['type'][] = ['submitted', 'decision', 'withdrawn', 'documents_submitted'];

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

export const reportYear = (instant: string): number => Number(rigaDate(new Date(instant)).slice(0, 4));
const reportMonth = (instant: string): number => Number(rigaDate(new Date(instant)).slice(5, 7));

/** +1 on entering the queue, −1 on leaving it (grant from the queue, refusal, withdrawal…). */
const queueChange = (scope: Scope, from: ApplicationStatus, to: ApplicationStatus): Increment[] => {
  const delta = Number(to === 'queued') - Number(from === 'queued');
  return delta === 0 ? [] : [{ ...scope, metric: 'queue', delta: delta as 1 | -1 }];
};

/**
 * What one timeline event adds to the report. Details this code never writes
 * malformed count nothing, rather than block the stream with a record that
 * cannot succeed.
 */
export const reportIncrements = (event: TimelineEvent, application: Pick<Application, 'serviceId' | 'track' | 'channel'>): Increment[] => {
  const scope: Scope = { year: reportYear(event.at), month: reportMonth(event.at), serviceId: application.serviceId, track: application.track };
  const from = oneOf(applicationStatuses, event.details?.from);
  const to = oneOf(applicationStatuses, event.details?.to);
  switch (event.type) {
    case 'submitted': {
      const channel = oneOf(reportChannels, event.details?.channel) ?? application.channel;
      return [{ ...scope, metric: 'applications', dimension: channel, delta: 1 }];
    }
    case 'decision': {
      const decision = oneOf(decisionTypes, event.details?.decision);
      if (!decision || !from || !to) return [];
      const outcome = courseOutcomes[decision];
      const figure: Increment = outcome
        ? { ...scope, metric: 'recipients', dimension: outcome, delta: 1 }
        : { ...scope, metric: 'decisions', dimension: decisionCategory(decision), delta: 1 };
      return [figure, ...queueChange(scope, from, to)];
    }
    case 'withdrawn':
      if (!from || !to) return [];
      return [{ ...scope, metric: 'withdrawals', dimension: from, delta: 1 }, ...queueChange(scope, from, to)];
    default:
      return [];
  }
};

// ─── Building the report ────────────────────────────────────────────────────

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const addTo = (tally: Record<string, number>, key: string, count: number) => {
  tally[key] = (tally[key] ?? 0) + count;
};

const emptyServiceReport = (): ServiceReport => ({
  applications: { total: 0, byChannel: zeros(reportChannels), byTrack: {} },
  decisions: { total: 0, byCategory: zeros(decisionCategories), byTrack: {} },
  recipients: { byOutcome: zeros(recipientOutcomes), byTrack: {} },
  withdrawals: { total: 0, byFromStatus: {}, byTrack: {} },
  queueAtYearEnd: { total: 0, byTrack: {} },
});

const addCounter = (report: ServiceReport, counter: Counter) => {
  const { track, count } = counter;
  switch (counter.metric) {
    case 'applications':
      report.applications.total += count;
      report.applications.byChannel[counter.dimension] += count;
      addTo(report.applications.byTrack, track, count);
      return;
    case 'decisions': {
      const onTrack = (report.decisions.byTrack[track] ??= { total: 0, byCategory: zeros(decisionCategories) });
      for (const tally of [report.decisions, onTrack]) {
        tally.total += count;
        tally.byCategory[counter.dimension] += count;
      }
      return;
    }
    case 'recipients':
      report.recipients.byOutcome[counter.dimension] += count;
      (report.recipients.byTrack[track] ??= zeros(recipientOutcomes))[counter.dimension] += count;
      return;
    case 'withdrawals':
      report.withdrawals.total += count;
      addTo(report.withdrawals.byFromStatus, counter.dimension, count);
      addTo(report.withdrawals.byTrack, track, count);
      return;
  }
};

/** The totals over the services in scope, and only those services. */
const summarise = (year: number, scope: readonly ServiceId[], all: AnnualReport['services']): AnnualReport => {
  const services: AnnualReport['services'] = {};
  for (const id of scope) if (all[id]) services[id] = all[id];
  const reports = Object.values(services);
  const sum = (figure: (report: ServiceReport) => number) => reports.reduce((total, report) => total + figure(report), 0);
  const sumEach = <K extends string>(keys: readonly K[], tally: (report: ServiceReport) => Record<K, number>) =>
    Object.fromEntries(keys.map((key) => [key, sum((report) => tally(report)[key])])) as Record<K, number>;
  return {
    year,
    scope: [...scope],
    services,
    totals: {
      applications: { total: sum((r) => r.applications.total), byChannel: sumEach(reportChannels, (r) => r.applications.byChannel) },
      decisions: { total: sum((r) => r.decisions.total), byCategory: sumEach(decisionCategories, (r) => r.decisions.byCategory) },
      recipients: { byOutcome: sumEach(recipientOutcomes, (r) => r.recipients.byOutcome) },
      withdrawals: { total: sum((r) => r.withdrawals.total) },
      queueAtYearEnd: { total: sum((r) => r.queueAtYearEnd.total) },
    },
  };
};

/**
 * The report of `year` from its counters and the queue's net changes; net
 * changes of later years are ignored, so the queue is the one at `year`'s end.
 */
export const buildReport = (year: number, counters: readonly Counter[], queueNetByYear: readonly QueueNet[]): AnnualReport => {
  const services: AnnualReport['services'] = {};
  const serviceReport = (id: ServiceId) => (services[id] ??= emptyServiceReport());
  for (const counter of counters) addCounter(serviceReport(counter.serviceId), counter);
  for (const { year: changedIn, serviceId, track, net } of queueNetByYear) {
    if (changedIn > year) continue;
    const queue = serviceReport(serviceId).queueAtYearEnd;
    queue.total += net;
    addTo(queue.byTrack, track, net);
  }
  return summarise(year, serviceIds, services);
};

/** The report as a staff member may see it: their services only, totals over those. */
export const restrictToServices = (report: AnnualReport, services: readonly ServiceId[]): AnnualReport =>
  summarise(report.year, report.scope.filter((id) => services.includes(id)), report.services);

// ─── Counting and reading, over a store ─────────────────────────────────────

export interface CountedEvent {
  readonly applicationId: string;
  readonly id: string;
}

/** What one event adds to the report and to the status counts, to be applied once. */
export interface EventCount {
  readonly event: CountedEvent;
  readonly increments: readonly (Increment | StatusIncrement)[];
}

export interface ReportStore {
  loadApplication(id: string): Promise<Application | undefined>;
  /**
   * Applies each event's increments and marks the event counted, atomically.
   * Answers per event whether this call counted it: false, changing nothing,
   * when it was counted before (a stream record delivered again) or there is
   * nothing to count. Several events may be counted in one call (a stream batch).
   */
  countOnce(counts: readonly EventCount[]): Promise<boolean[]>;
  /** The year's counters, the queue's net changes of that year and every year before, and of each month of that year. */
  readYear(year: number): Promise<{ counters: Counter[]; queueNetByYear: QueueNet[]; queueNetByMonth: QueueMonthNet[] }>;
}

/** What one event adds to the report and to its service's status counts, together under the event's one marker. */
export const eventCount = (event: TimelineEvent, application: Pick<Application, 'serviceId' | 'track' | 'channel'>): EventCount => ({
  event,
  increments: [...reportIncrements(event, application), ...statusIncrements(event, application)],
});

/** Counts one new timeline event from the table stream; true when this delivery counted it. */
export const countForReport = async (store: Pick<ReportStore, 'loadApplication' | 'countOnce'>, event: TimelineEvent): Promise<boolean> => {
  if (!countedEventTypes.includes(event.type)) return false;
  const application = await store.loadApplication(event.applicationId);
  if (!application) return false;
  const [counted] = await store.countOnce([eventCount(event, application)]);
  return counted === true;
};

/**
 * The id an application's destruction is counted under, beside its events' (event ids are `<instant>#<uuid>`, never
 * this word), so the REMOVE record delivered again changes nothing. The store keeps this marker on the tombstone.
 */
export const destructionMarkerId = 'destroyed';

/**
 * Counts one destroyed application from the table stream: its status count goes down by one, once, if its closing
 * was counted (true when this delivery counted it). The report's yearly figures stay as published (docs/retention.md).
 */
export const countDestruction = async (store: Pick<ReportStore, 'countOnce'> & CountingSinceStore, destroyed: DestroyedApplication): Promise<boolean> => {
  const increments = destructionIncrements(destroyed, await store.statusCountingSince(destroyed.serviceId));
  const [counted] = await store.countOnce([{ event: { applicationId: destroyed.applicationId, id: destructionMarkerId }, increments }]);
  return counted === true;
};

/** The year's report for the given services. */
export const annualReport = async (store: Pick<ReportStore, 'readYear'>, year: number, services: readonly ServiceId[]): Promise<AnnualReport> => {
  const { counters, queueNetByYear } = await store.readYear(year);
  return restrictToServices(buildReport(year, counters, queueNetByYear), services);
};

/** The queue's length at the end of one month (`YYYY-MM`), over the services in scope. */
export interface QueueAtMonthEnd {
  readonly month: string;
  readonly length: number;
}

/**
 * The queue's length at the end of each month of `year` up to `lastMonth` (12 for a past year, this month for
 * this year): the report's "queue over the year". The length at the end of the year (or now) is the sum of every
 * yearly net change up to it; a month's end is that minus the changes of the months after it. Counted that way
 * back from the year's end, every month since monthly counting began is exact (docs/workforce-officers.md).
 */
export const queueByMonth = (
  year: number,
  lastMonth: number,
  queueNetByYear: readonly QueueNet[],
  queueNetByMonth: readonly QueueMonthNet[],
  services: readonly ServiceId[],
): QueueAtMonthEnd[] => {
  const inScope = (change: QueueNet) => services.includes(change.serviceId);
  const atYearEnd = queueNetByYear.filter((change) => change.year <= year && inScope(change)).reduce((sum, change) => sum + change.net, 0);
  const netOfMonth = Array.from({ length: 13 }, () => 0);
  for (const change of queueNetByMonth) if (change.year === year && inScope(change)) netOfMonth[change.month] = (netOfMonth[change.month] ?? 0) + change.net;
  const months: QueueAtMonthEnd[] = [];
  let length = atYearEnd;
  for (let month = 12; month >= 1; month -= 1) {
    if (month <= lastMonth) months.unshift({ month: `${year}-${String(month).padStart(2, '0')}`, length });
    length -= netOfMonth[month]!;
  }
  return months;
};

/** The last month of `year` whose end the report can show on `today` (a Riga date): 0 for a year not begun. */
export const lastMonthShown = (year: number, today: string): number => {
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear) return 12;
  return year === currentYear ? Number(today.slice(5, 7)) : 0;
};

/** The year's report and the queue's length at each month's end up to `today` (a Riga date), from one read of the counters. */
export const annualReportWithQueueByMonth = async (store: Pick<ReportStore, 'readYear'>, year: number, services: readonly ServiceId[], today: string) => {
  const { counters, queueNetByYear, queueNetByMonth } = await store.readYear(year);
  return {
    report: restrictToServices(buildReport(year, counters, queueNetByYear), services),
    queueByMonth: queueByMonth(year, lastMonthShown(year, today), queueNetByYear, queueNetByMonth, services),
  };
};
