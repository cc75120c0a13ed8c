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
import { BatchGetCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ServiceId } from '../../schemas/services';
import { destructionMarkerId, type EventCount, type ReportStore } from '../core/report';
import type { CountingSinceStore, StatusCountStore, StoredStatusCounts } from '../core/status-counts';
import { createApplicationRepository } from './application-repository';
import { cancellationCodes } from './dynamo-errors';
import type { Item } from './entities/item';
import { tombstoneCountedAttribute } from './entities/retention';
import { countedMarkerItem, countersOf, counterOfItem, countingSinceAttribute, queueMonthNetOfItem, queueNetOfItem, statusCountsOfItem } from './entities/report';
import { countedEventKey, queueMonthPartition, queueNetPartition, queueNetUpTo, reportYearPartition, statusCountsKey, tombstoneKey } from './keys';
import { queryAll } from './pagination';
import { isNew } from './writes';
/** DynamoDB's limit of items in one transaction; an event yields at most a handful. */
const maxTransactionItems = 100;
/** Concurrent counts of the same figure conflict; the loser retries, with a growing random pause, before handing the record back to the stream. */
const conflictAttempts = 8;

const itemId = (key: Item) => `${key.pk}\n${key.sk}`;

/**
 * One update per counter item (a transaction may not touch an item twice), adding to each of its counted
 * attributes (a status change moves two numbers of one item); changes that cancel out are dropped.
 */
const mergedUpdates = (counts: readonly EventCount[]) => {
  const byItem = new Map<string, { key: Item; attributes: Item; stampsFirstCount: boolean; deltas: Map<string, number> }>();
  for (const increment of counts.flatMap((count) => count.increments)) {
    for (const { key, attributes, counted, stampsFirstCount } of countersOf(increment)) {
      const entry = byItem.get(itemId(key)) ?? { key, attributes, stampsFirstCount: stampsFirstCount === true, deltas: new Map<string, number>() };
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
): ReportStore & StatusCountStore & CountingSinceStore => {
  const update = ({ key, attributes, stampsFirstCount, deltas }: ReturnType<typeof mergedUpdates>[number], now: Date) => {
    const names = Object.keys(attributes);
    // The first count stamps when counting began; every later one leaves the stamp as it is.
    const stamp = stampsFirstCount ? `, #since = if_not_exists(#since, :since)` : '';
    return {
      Update: {
        TableName: tableName,
        Key: key,
        UpdateExpression: `ADD ${deltas.map((_, i) => `#c${i} :d${i}`).join(', ')} SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}${stamp}`,
        ExpressionAttributeNames: {
          ...Object.fromEntries(deltas.map(([counted], i) => [`#c${i}`, counted])),
          ...Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
          ...(stampsFirstCount && { '#since': countingSinceAttribute }),
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(deltas.map(([, delta], i) => [`:d${i}`, delta])),
          ...Object.fromEntries(names.map((name, i) => [`:a${i}`, attributes[name]])),
          ...(stampsFirstCount && { ':since': now.toISOString() }),
        },
      },
    };
  };

  /**
   * The event's marker, put only if absent. A destruction's is its tombstone, stamped only if unstamped: the
   * tombstone is written with the application item's removal, so it stands by the time the stream delivers that.
   */
  const marker = ({ event }: EventCount, now: Date) =>
    event.id === destructionMarkerId
      ? {
          Update: {
            TableName: tableName,
            Key: tombstoneKey(event.applicationId),
            UpdateExpression: 'SET #counted = :now',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#counted)',
            ExpressionAttributeNames: { '#counted': tombstoneCountedAttribute },
            ExpressionAttributeValues: { ':now': now.toISOString() },
          },
        }
      : { Put: { TableName: tableName, Item: countedMarkerItem(event, now), ConditionExpression: isNew } };

  /** Writes one transaction's events; resolves with those it counted (the others were counted before). */
  const countTogether = async <T extends EventCount>(group: readonly T[]): Promise<readonly T[]> => {
    let pending = group;
    for (let attempt = 1; pending.length > 0; ) {
      const now = clock();
      try {
        await client.send(new TransactWriteCommand({ TransactItems: [...pending.map((count) => marker(count, now)), ...mergedUpdates(pending).map((entry) => update(entry, now))] }));
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
        queryAll(client, tableName, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': reportYearPartition(year) } }),
        queryAll(client, tableName, {
          KeyConditionExpression: 'pk = :pk AND sk <= :upTo',
          ExpressionAttributeValues: { ':pk': queueNetPartition, ':upTo': queueNetUpTo(year) },
        }),
        queryAll(client, tableName, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': queueMonthPartition(year) } }),
      ]);
      return {
        counters: counterItems.map(counterOfItem),
        queueNetByYear: queueItems.map(queueNetOfItem),
        queueNetByMonth: queueMonthItems.map(queueMonthNetOfItem),
      };
    },

    async statusCountingSince(serviceId) {
      const answer = await client.send(
        new GetCommand({ TableName: tableName, Key: statusCountsKey(serviceId), ProjectionExpression: '#since', ExpressionAttributeNames: { '#since': countingSinceAttribute } }),
      );
      const since = answer.Item?.[countingSinceAttribute];
      return typeof since === 'string' ? since : undefined;
    },

    async readStatusCounts(services) {
      const found: Partial<Record<ServiceId, StoredStatusCounts>> = {};
      // One item per service (7 at most, within one BatchGet's 100); keys DynamoDB leaves unprocessed are asked again.
      let keys: Item[] = services.map(statusCountsKey);
      for (let attempt = 1; keys.length > 0; attempt += 1) {
        const answer = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }));
        for (const item of answer.Responses?.[tableName] ?? []) found[item.serviceId as ServiceId] = statusCountsOfItem(item);
        keys = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
        if (keys.length > 0) await sleep(Math.random() * 5 * 2 ** Math.min(attempt, conflictAttempts));
      }
      return found;
    },
  };
};
