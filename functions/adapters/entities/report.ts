/**
 * The annual report's items (report-repository.ts): a counter per figure of a year, a queue's net change per year
 * and per month of a year, a service's standing counts per status (functions/core/status-counts.ts) with when they
 * began, and the marker of an event already counted (kept a while, then the table's TTL removes it).
 */
import { applicationStatuses } from '../../../schemas/lifecycle';
import type { Counter, EventCount, QueueMonthNet, QueueNet } from '../../core/report';
import type { StoredStatusCounts } from '../../core/status-counts';
import { countedEventKey, queueMonthKey, queueNetKey, reportCounterKey, statusCountsKey, type ReportEntity } from '../keys';
import { attributesOf, type Item } from './item';

/**
 * The attribute of a service's status-counts item that says when its counting began: set by the first count, never
 * changed (functions/core/status-counts.ts, `destructionIncrements`).
 */
export const countingSinceAttribute = 'countingSince';

/** Markers outlive the stream's 24-hour retention by far, then the table's TTL removes them. */
export const countedMarkerTtlSeconds = 30 * 24 * 60 * 60;

/**
 * The items an increment adds to, the attribute each adds to, and the attributes that describe the item (so reading
 * needs no key parsing). A queue change is kept twice: per year (the report's year-end figures, as counted before
 * months were) and per month of the year (the queue chart). A service's status counts are one item, a number per status.
 */
export const countersOf = (increment: EventCount['increments'][number]): { key: Item; attributes: Item; counted: string; stampsFirstCount?: true }[] => {
  if (increment.metric === 'status') {
    const { serviceId, status } = increment;
    return [{ key: statusCountsKey(serviceId), attributes: { entity: 'status-counts' satisfies ReportEntity, serviceId }, counted: status, stampsFirstCount: true }];
  }
  const { year, serviceId, track } = increment;
  if (increment.metric === 'queue') {
    const { month } = increment;
    return [
      { key: queueNetKey(year, serviceId, track), attributes: { entity: 'report-queue' satisfies ReportEntity, year, serviceId, track }, counted: 'count' },
      { key: queueMonthKey(year, month, serviceId, track), attributes: { entity: 'report-queue-month' satisfies ReportEntity, year, month, serviceId, track }, counted: 'count' },
    ];
  }
  const { metric, dimension } = increment;
  return [
    {
      key: reportCounterKey(year, { metric, serviceId, track, dimension }),
      attributes: { entity: 'report-counter' satisfies ReportEntity, metric, serviceId, track, dimension },
      counted: 'count',
    },
  ];
};

export const countedMarkerItem = (event: { applicationId: string; id: string }, now: Date): Item => ({
  ...countedEventKey(event.applicationId, event.id),
  entity: 'counted-event' satisfies ReportEntity,
  countedAt: now.toISOString(),
  expiresAt: Math.floor(now.getTime() / 1000) + countedMarkerTtlSeconds,
});

/** A yearly figure as read back: its describing attributes and its count. */
export const counterOfItem = (item: Item): Counter => attributesOf<Counter>(item);

/** A queue's net change in a year, as read back. */
export const queueNetOfItem = (item: Item): QueueNet => ({
  year: Number(item.year),
  serviceId: item.serviceId as QueueNet['serviceId'],
  track: String(item.track),
  net: Number(item.count),
});

/** A queue's net change in a month of a year, as read back. */
export const queueMonthNetOfItem = (item: Item): QueueMonthNet => ({ ...queueNetOfItem(item), month: Number(item.month) });

/** A service's standing counts, as read back: a number per status ever counted. */
export const statusCountsOfItem = (item: Item): StoredStatusCounts =>
  Object.fromEntries(applicationStatuses.flatMap((status) => (status in item ? [[status, Number(item[status])]] : [])));
