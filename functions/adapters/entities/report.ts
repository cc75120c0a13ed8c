/**
 * The annual report's items (report-repository.ts): a counter per figure of a year, a queue's net change per year,
 * and the marker of an event already counted (kept a while, then the table's TTL removes it).
 */
import type { Counter, Increment, QueueNet } from '../../core/report';
import { countedEventKey, queueNetKey, reportCounterKey, type ReportEntity } from '../keys';
import { attributesOf, type Item } from './item';

/** Markers outlive the stream's 24-hour retention by far, then the table's TTL removes them. */
export const countedMarkerTtlSeconds = 30 * 24 * 60 * 60;

/** The item an increment adds to, and the attributes that describe it (so reading needs no key parsing). */
export const counterOf = (increment: Increment): { key: Item; attributes: Item } => {
  const { year, serviceId, track } = increment;
  if (increment.metric === 'queue') {
    return { key: queueNetKey(year, serviceId, track), attributes: { entity: 'report-queue' satisfies ReportEntity, year, serviceId, track } };
  }
  const { metric, dimension } = increment;
  return {
    key: reportCounterKey(year, { metric, serviceId, track, dimension }),
    attributes: { entity: 'report-counter' satisfies ReportEntity, metric, serviceId, track, dimension },
  };
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
