/**
 * The annual report's counters (functions/core/report.ts) and the standing
 * counts per status (functions/core/status-counts.ts). Counting an event
 * is one transaction: a marker for the event, put only if absent, and an ADD
 * per counter, so a stream record delivered again changes nothing. Several
 * events may share a transaction (a stream batch, a load): their markers and
 * their counters merged, which writes far fewer items. Reading a year is three
 * Queries, and the status counts one BatchGet (an item per service), whatever
 * the number of applications.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BatchGetCommand,
  paginateQuery,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { applicationStatuses } from '../../schemas/lifecycle';
import type { ServiceId } from '../../schemas/services';
import type { Counter, EventCount, QueueMonthNet, QueueNet, ReportStore } from '../core/report';
import type { StatusCountStore, StoredStatusCounts } from '../core/status-counts';
import { createApplicationRepository, withoutKeys } from './application-repository';
import {
  countedEventKey,
  queueNetKey,
  queueNetPartition,
  queueNetUpTo,
  queueMonthKey,
  queueMonthPartition,
  reportCounterKey,
  statusCountsKey,
  reportYearPartition,
  type ReportEntity,
} from './keys';
import { cancellationCodes } from './dynamo-errors';

type Item = Record<string, unknown>;

/** Markers outlive the stream's 24-hour retention by far, then the table's TTL removes them. */
export const countedMarkerTtlSeconds = 30 * 24 * 60 * 60;
/** DynamoDB's limit of items in one transaction; an event yields at most a handful. */
const maxTransactionItems = 100;
/** Concurrent counts of the same figure conflict; the loser retries, with a growing random pause, before handing the record back to the stream. */
const conflictAttempts = 8;

type Increment = EventCount['increments'][number];

/**
 * The items an increment adds to, the attribute each adds to, and the attributes that describe the item (so reading
 * needs no key parsing). A queue change is kept twice: per year (the report's year-end figures, as counted before
 * months were) and per month of the year (the queue chart). A service's status counts are one item, a number per status.
 */
const countersOf = (increment: Increment): { key: Item; attributes: Item; counted: string }[] => {
  if (increment.metric === 'status') {
    const { serviceId, status } = increment;
    return [{ key: statusCountsKey(serviceId), attributes: { entity: 'status-counts' satisfies ReportEntity, serviceId }, counted: status }];
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

const itemId = (key: Item) => `${key.pk}\n${key.sk}`;

/**
 * One update per counter item (a transaction may not touch an item twice), adding to each of its counted
 * attributes (a status change moves two numbers of one item); changes that cancel out are dropped.
 */
const mergedUpdates = (counts: readonly EventCount[]) => {
  const byItem = new Map<string, { key: Item; attributes: Item; deltas: Map<string, number> }>();
  for (const increment of counts.flatMap((count) => count.increments)) {
    for (const { key, attributes, counted } of countersOf(increment)) {
      const entry = byItem.get(itemId(key)) ?? { key, attributes, deltas: new Map<string, number>() };
      entry.deltas.set(counted, (entry.deltas.get(counted) ?? 0) + increment.delta);
      byItem.set(itemId(key), entry);
    }
  }
  return [...byItem.values()]
    .map((entry) => ({ ...entry, deltas: [...entry.deltas].filter(([, delta]) => delta !== 0) }))
    .filter((entry) => entry.deltas.length > 0);
};

/** Groups events into transactions: a marker per event plus their merged counter updates, at most 100 items. */
const transactions = <T extends EventCount>(counts: readonly T[]): T[][] => {
  const groups: T[][] = [];
  let group: T[] = [];
  let counters = new Set<string>();
  for (const count of counts) {
    const own = new Set(count.increments.flatMap((increment) => countersOf(increment).map(({ key }) => itemId(key))));
    if (1 + own.size > maxTransactionItems) throw new RangeError(`an event yields ${own.size} counter updates, over one transaction`);
    const together = new Set([...counters, ...own]);
    if (group.length + 1 + together.size > maxTransactionItems) {
      groups.push(group);
      [group, counters] = [[], own];
    } else {
      counters = together;
    }
    group.push(count);
  }
  if (group.length > 0) groups.push(group);
  return groups;
};

export const createReportRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: () => Date = () => new Date(),
): ReportStore & StatusCountStore => {
  const update = ({ key, attributes, deltas }: ReturnType<typeof mergedUpdates>[number]) => {
    const names = Object.keys(attributes);
    return {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `ADD ${deltas.map((_, i) => `#c${i} :d${i}`).join(', ')} SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
        ExpressionAttributeNames: {
          ...Object.fromEntries(deltas.map(([counted], i) => [`#c${i}`, counted])),
          ...Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(deltas.map(([, delta], i) => [`:d${i}`, delta])),
          ...Object.fromEntries(names.map((name, i) => [`:a${i}`, attributes[name]])),
        },
      },
    };
  };

  const marker = ({ event }: EventCount, now: Date) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...countedEventKey(event.applicationId, event.id),
        entity: 'counted-event' satisfies ReportEntity,
        countedAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + countedMarkerTtlSeconds,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });

  /** Writes one transaction's events; resolves with those it counted (the others were counted before). */
  const countTogether = async <T extends EventCount>(group: readonly T[]): Promise<readonly T[]> => {
    let pending = group;
    for (let attempt = 1; pending.length > 0; ) {
      const now = clock();
      try {
        await client.send(new TransactWriteCommand({ TransactItems: [...pending.map((count) => marker(count, now)), ...mergedUpdates(pending).map(update)] }));
        return pending;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        // Markers come first, one per event, and are the only conditional items: a failed one was counted before.
        const countedBefore = (_: T, i: number) => codes[i] === 'ConditionalCheckFailed';
        if (pending.some(countedBefore)) {
          pending = pending.filter((count, i) => !countedBefore(count, i));
          continue;
        }
        if (!codes.includes('TransactionConflict') || attempt === conflictAttempts) throw error;
        await sleep(Math.random() * 5 * 2 ** attempt);
        attempt += 1;
      }
    }
    return pending;
  };

  const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> => {
    const items: Item[] = [];
    for await (const page of paginateQuery({ client }, { TableName: tableName, ...input })) items.push(...(page.Items ?? []));
    return items;
  };

  return {
    loadApplication: createApplicationRepository(client, tableName).findApplication,

    async countOnce(counts) {
      const results = counts.map(() => false);
      // An event twice in one call (a record repeated in a batch) counts at its first place only.
      const seen = new Set<string>();
      const entries = counts.flatMap((count, index) => {
        const id = itemId(countedEventKey(count.event.applicationId, count.event.id));
        if (count.increments.length === 0 || seen.has(id)) return [];
        seen.add(id);
        return [{ ...count, index }];
      });
      for (const group of transactions(entries)) {
        for (const { index } of await countTogether(group)) results[index] = true;
      }
      return results;
    },

    async readYear(year) {
      const [counterItems, queueItems, queueMonthItems] = await Promise.all([
        queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': reportYearPartition(year) } }),
        queryAll({
          KeyConditionExpression: 'pk = :pk AND sk <= :upTo',
          ExpressionAttributeValues: { ':pk': queueNetPartition, ':upTo': queueNetUpTo(year) },
        }),
        queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': queueMonthPartition(year) } }),
      ]);
      const queueNet = (item: Item): QueueNet => ({ year: Number(item.year), serviceId: item.serviceId as ServiceId, track: String(item.track), net: Number(item.count) });
      return {
        counters: counterItems.map((item) => withoutKeys<Counter>(item)),
        queueNetByYear: queueItems.map(queueNet),
        queueNetByMonth: queueMonthItems.map((item): QueueMonthNet => ({ ...queueNet(item), month: Number(item.month) })),
      };
    },

    async readStatusCounts(services) {
      const found: Partial<Record<ServiceId, StoredStatusCounts>> = {};
      // One item per service (7 at most, within one BatchGet's 100); keys DynamoDB leaves unprocessed are asked again.
      let keys: Item[] = services.map(statusCountsKey);
      for (let attempt = 1; keys.length > 0; attempt += 1) {
        const answer = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
        for (const item of answer.Responses?.[tableName] ?? []) {
          found[item.serviceId as ServiceId] = Object.fromEntries(applicationStatuses.flatMap((status) => (status in item ? [[status, Number(item[status])]] : [])));
        }
        keys = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
        if (keys.length > 0) await sleep(Math.random() * 5 * 2 ** Math.min(attempt, conflictAttempts));
      }
      return found;
    },
  };
};
