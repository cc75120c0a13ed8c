/**
 * The lifecycle in the table: version-guarded transitions, the queue index,
 * staff work lists and failed notifications. Owns keys and conditions.
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { violation } from '../../schemas/messages';
import { validationFailed } from '../core/errors';
import type { Application, DecisionRecord, NotificationRecord } from '../core/model';
import { StaleVersion, type FailedNotification, type WorkflowStore, type WorkListFilter } from '../core/workflow';
import type { ServiceId } from '../../schemas/services';
import type { Page, PageRequest } from '../core/applications/types';
import { applicationItem, createApplicationRepository, eventItem, withoutKeys } from './application-repository';
import { lostBatchOf } from './lost-batch-repository';
import { cancellationCodes, isConditionFailure } from './dynamo-errors';
import { attachmentWrites } from './upload-repository';
import { UploadNotAttachable } from '../core/uploads';
import {
  decisionKey,
  failedPartition,
  lostBatchesPartition,
  notificationKey,
  openNeedKey,
  queueIndexKeys,
  queuePartition,
  servicePartition,
  type Entity,
} from './keys';

type Item = Record<string, unknown>;

const decisionItem = (decision: DecisionRecord): Item => ({
  ...decisionKey(decision.applicationId, decision.eventId),
  entity: 'decision' satisfies Entity,
  ...decision,
});

/** A cursor is the last item's index key, bound to the partition it came from: it cannot reach another list. */
const encodeCursor = (key: Item): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const decodeCursor = (cursor: string, index: { pk: string; sk: string; partition: string }): Item => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Item;
    // Exactly the four key attributes of the table and the index, non-empty strings: DynamoDB would refuse anything else.
    const expected = ['pk', 'sk', index.pk, index.sk].sort();
    const valid =
      key !== null &&
      typeof key === 'object' &&
      !Array.isArray(key) &&
      JSON.stringify(Object.keys(key).sort()) === JSON.stringify(expected) &&
      Object.values(key).every((value) => typeof value === 'string' && value.length > 0 && value.length <= 256) &&
      key[index.pk] === index.partition;
    if (!valid) throw new Error('shape');
    return key;
  } catch {
    throw validationFailed([violation(['cursor'], 'invalid_cursor')]);
  }
};

const keyOfItem = (item: Item, index: { pk: string; sk: string }): Item => ({
  pk: item.pk,
  sk: item.sk,
  [index.pk]: item[index.pk],
  [index.sk]: item[index.sk],
});

type IndexQuery = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;
/** An index's key attributes and the one partition a cursor may point into. */
type IndexOf = { pk: string; sk: string; partition: string };

/**
 * One page of an index partition, after filters: reads on until `limit` items are
 * found (filters apply after DynamoDB's own page limit), so a page is never short
 * while more remain, and the cursor points just after the last item returned.
 */
export const indexPage = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  input: IndexQuery,
  index: IndexOf,
  { limit, cursor }: PageRequest,
): Promise<Page<Item>> => {
  const items: Item[] = [];
  let startKey: Item | undefined = cursor ? decodeCursor(cursor, index) : undefined;
  // Unfiltered, one more than a page tells whether more remain; filtered, read further ahead per call.
  const readLimit = input.FilterExpression ? Math.max(limit * 2, 25) : limit + 1;
  do {
    const result = await client.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: startKey, Limit: readLimit }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey && items.length <= limit);
  const page = items.slice(0, limit);
  const more = items.length > limit || startKey !== undefined;
  const last = page[page.length - 1];
  return { items: page, ...(more && last && { nextCursor: encodeCursor(keyOfItem(last, index)) }) };
};

/** The Query of one service's applications (gsi3), newest first, with the work list's filters. */
const serviceQuery = (partition: string, filter: WorkListFilter): Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'> => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':service': partition };
  let keyCondition = 'gsi3pk = :service';
  // gsi3sk is `<submittedAt>#<id>`, and toISOString() has one length: `<instant>#…` sorts before `before` exactly
  // when the instant is earlier, so BETWEEN's inclusive end still leaves out what was submitted at `before`.
  if (filter.from && filter.before) {
    keyCondition += ' AND gsi3sk BETWEEN :from AND :before';
    Object.assign(values, { ':from': filter.from, ':before': filter.before });
  } else if (filter.from) {
    keyCondition += ' AND gsi3sk >= :from';
    values[':from'] = filter.from;
  } else if (filter.before) {
    keyCondition += ' AND gsi3sk < :before';
    values[':before'] = filter.before;
  }
  const filters: string[] = [];
  if (filter.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = filter.status;
  }
  if (filter.track) {
    filters.push('#track = :track');
    names['#track'] = 'track';
    values[':track'] = filter.track;
  }
  return {
    IndexName: 'gsi3',
    KeyConditionExpression: keyCondition,
    ...(filters.length > 0 && { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }),
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
  };
};

/**
 * The work list's cursor: each service's own cursor ('' not yet read, null once it has no more), bound to the services asked for,
 * so it cannot reach a service the caller did not ask about (and each service cursor is bound to its partition).
 */
const encodeMergedCursor = (positions: ReadonlyMap<ServiceId, string | null | undefined>): string =>
  Buffer.from(JSON.stringify(Object.fromEntries([...positions].map(([id, position]) => [id, position === undefined ? '' : position]))), 'utf8').toString('base64url');
const decodeMergedCursor = (cursor: string, serviceIds: readonly ServiceId[]): Map<ServiceId, string | null | undefined> => {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('shape');
    const entries = Object.entries(parsed as Record<string, unknown>);
    const valid =
      entries.length === serviceIds.length &&
      entries.every(([id, position]) => (serviceIds as readonly string[]).includes(id) && (position === null || (typeof position === 'string' && position.length <= 1024)));
    if (!valid) throw new Error('shape');
    return new Map((entries as [ServiceId, string | null][]).map(([id, position]) => [id, position === '' ? undefined : position]));
  } catch {
    throw validationFailed([violation(['cursor'], 'invalid_cursor')]);
  }
};

export const createWorkflowRepository = (client: DynamoDBDocumentClient, tableName: string): WorkflowStore => {
  const applications = createApplicationRepository(client, tableName);
  const pageOf = (input: IndexQuery, index: IndexOf, page: PageRequest) => indexPage(client, tableName, input, index, page);

  return {
    findApplication: applications.findApplication,
    findWithTimeline: applications.findWithTimeline,

    async recordTransition({ before, after, event, decision, closesNeed, attachments = [] }) {
      const transactItems: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
        {
          Put: {
            TableName: tableName,
            Item: applicationItem(after),
            ConditionExpression: '#version = :seen',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':seen': before.version },
          },
        },
        { Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
      ];
      if (decision) transactItems.push({ Put: { TableName: tableName, Item: decisionItem(decision), ConditionExpression: 'attribute_not_exists(pk)' } });
      // A possible duplicate never held the open need: the marker is another application's.
      if (closesNeed && !after.possibleDuplicateOf) {
        transactItems.push({ Delete: { TableName: tableName, Key: openNeedKey(after.serviceId, after.track, after.personKey) } });
      }
      const firstAttachment = transactItems.length;
      transactItems.push(...attachmentWrites(tableName, attachments));
      try {
        await client.send(new TransactWriteCommand({ TransactItems: transactItems }));
      } catch (error) {
        // The first item is the application, guarded by its version.
        if (isConditionFailure(error, 0)) throw new StaleVersion();
        if (cancellationCodes(error)?.slice(firstAttachment).includes('ConditionalCheckFailed')) throw new UploadNotAttachable();
        throw error;
      }
    },

    async appendEvent(event) {
      await client.send(new PutCommand({ TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' }));
    },

    async placesAhead(slot) {
      const { gsi2pk, gsi2sk } = queueIndexKeys(slot.serviceId, slot.track, slot.priorityGroup, slot.admittedAt, slot.id);
      let count = 0;
      let startKey: Item | undefined;
      do {
        const result = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :queue AND gsi2sk < :mine',
            ExpressionAttributeValues: { ':queue': gsi2pk, ':mine': gsi2sk },
            Select: 'COUNT',
            ExclusiveStartKey: startKey,
          }),
        );
        count += result.Count ?? 0;
        startKey = result.LastEvaluatedKey;
      } while (startKey);
      return count;
    },

    async listByServices(serviceIds, filter, page) {
      const positions = page.cursor ? decodeMergedCursor(page.cursor, serviceIds) : new Map(serviceIds.map((id) => [id, undefined]));
      const index = (serviceId: ServiceId) => ({ pk: 'gsi3pk', sk: 'gsi3sk', partition: servicePartition(serviceId) });
      const open = [...positions].filter((entry): entry is [ServiceId, string | undefined] => entry[1] !== null);
      const pages = await Promise.all(
        open.map(async ([serviceId, cursor]) => ({
          serviceId,
          page: await pageOf(serviceQuery(servicePartition(serviceId), filter), index(serviceId), { limit: page.limit, ...(cursor && { cursor }) }),
        })),
      );
      // gsi3sk is `<submittedAt>#<id>`: newest first across services is its descending order.
      const merged = pages
        .flatMap(({ serviceId, page: one }) => one.items.map((item) => ({ serviceId, item })))
        .sort((a, b) => (String(a.item.gsi3sk) < String(b.item.gsi3sk) ? 1 : -1))
        .slice(0, page.limit);
      for (const { serviceId, page: one } of pages) {
        const taken = merged.filter((entry) => entry.serviceId === serviceId);
        const last = taken[taken.length - 1];
        // All of the service's page shown: on from its own cursor (or done); part of it: on from the last one shown.
        if (taken.length === one.items.length) positions.set(serviceId, one.nextCursor ?? null);
        else if (last) positions.set(serviceId, encodeCursor(keyOfItem(last.item, index(serviceId))));
      }
      const more = [...positions.values()].some((position) => position !== null);
      return {
        items: merged.map(({ item }) => withoutKeys<Application>(item)),
        ...(more && merged.length > 0 && { nextCursor: encodeMergedCursor(positions) }),
      };
    },

    async listQueue(serviceId, track, page) {
      const partition = queuePartition(serviceId, track);
      const keys = await pageOf(
        { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :queue', ExpressionAttributeValues: { ':queue': partition } },
        { pk: 'gsi2pk', sk: 'gsi2sk', partition },
        page,
      );
      if (keys.items.length === 0) return { items: [] };
      // The queue index holds keys only (cheap to count); the page's applications come in one batch read.
      const found = new Map<string, Application>();
      let pending: Item[] | undefined = keys.items.map((item) => ({ pk: item.pk, sk: item.sk }));
      while (pending && pending.length > 0) {
        const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        for (const item of result.Responses?.[tableName] ?? []) found.set(String(item.pk), withoutKeys<Application>(item));
        pending = result.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined;
      }
      const ordered = keys.items.map((item) => found.get(String(item.pk))).filter((item): item is Application => item !== undefined);
      return { items: ordered, ...(keys.nextCursor && { nextCursor: keys.nextCursor }) };
    },

    async listFailedNotifications(serviceId, page) {
      const partition = failedPartition(serviceId);
      const result = await pageOf(
        {
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :failed',
          ExpressionAttributeValues: { ':failed': partition },
          ScanIndexForward: false,
        },
        { pk: 'gsi3pk', sk: 'gsi3sk', partition },
        page,
      );
      return {
        ...result,
        items: result.items.map((item): FailedNotification => {
          const record = withoutKeys<NotificationRecord>(item);
          return {
            applicationId: record.applicationId,
            eventId: record.eventId,
            kind: record.kind,
            updatedAt: record.updatedAt,
            ...(record.failure && { failure: record.failure }),
          };
        }),
      };
    },

    async listLostBatches(page) {
      const partition = lostBatchesPartition;
      const result = await pageOf(
        { IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :lost', ExpressionAttributeValues: { ':lost': partition }, ScanIndexForward: false },
        { pk: 'gsi3pk', sk: 'gsi3sk', partition },
        page,
      );
      return { ...result, items: result.items.map(lostBatchOf) };
    },

    async requestResend(key, event) {
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: notificationKey(key.applicationId, key.eventId, key.kind),
                  // Back to pending with a fresh delivery count; off the failed list.
                  UpdateExpression: 'SET #state = :pending, #deliveries = :zero, #updatedAt = :at REMOVE #failure, gsi3pk, gsi3sk',
                  ConditionExpression: '#state = :failed',
                  ExpressionAttributeNames: { '#state': 'state', '#deliveries': 'deliveries', '#updatedAt': 'updatedAt', '#failure': 'failure' },
                  ExpressionAttributeValues: { ':pending': 'pending', ':failed': 'failed', ':zero': 0, ':at': event.at },
                },
              },
              { Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error, 0)) return false;
        throw error;
      }
    },
  };
};
