/**
 * The lifecycle in the table: version-guarded transitions, the queue index,
 * staff work lists and failed notifications. Owns keys and conditions.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../core/model';
import { StaleVersion, type FailedNotification, type WorkflowStore, type WorkListFilter } from '../core/workflow';
import type { ServiceId } from '../../schemas/services';
import type { PageRequest } from '../core/applications/types';
import { createApplicationRepository } from './application-repository';
import { decodeCursor, encodeCursor, isRecord } from './cursor';
import { cancellationCodes, isConditionFailure } from './dynamo-errors';
import { applicationItems } from './entities/application';
import { decisionItems } from './entities/decision';
import type { Item } from './entities/item';
import { lostBatchItems } from './entities/lost-batch';
import { notificationItems } from './entities/notification';
import { attachmentWrites } from './upload-repository';
import { UploadNotAttachable } from '../core/uploads';
import { failedPartition, lostBatchesPartition, notificationKey, openNeedKey, queueIndexKeys, queuePartition, servicePartition } from './keys';
import { appendEvent, changeWithEvent, eventWrite, putAtVersion, putNew, type TransactItem } from './writes';
import { countAll, inIndex, indexCursorAfter, indexPage, type IndexPartition, mapPage, partitionQuery, type QueryInput } from './pagination';

/** The Query of one service's applications (gsi3), newest first, with the work list's filters. */
const serviceQuery = (partition: string, filter: WorkListFilter): Omit<QueryInput, 'IndexName'> => {
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
  encodeCursor(Object.fromEntries([...positions].map(([id, position]) => [id, position === undefined ? '' : position])));
const mergedPositionsFor =
  (serviceIds: readonly ServiceId[]) =>
  (position: unknown): Map<ServiceId, string | null | undefined> | undefined => {
    if (!isRecord(position)) return undefined;
    const entries = Object.entries(position);
    const valid =
      entries.length === serviceIds.length &&
      entries.every(([id, at]) => (serviceIds as readonly string[]).includes(id) && (at === null || (typeof at === 'string' && at.length <= 1024)));
    return valid ? new Map((entries as [ServiceId, string | null][]).map(([id, at]) => [id, at === '' ? undefined : at])) : undefined;
  };

export const createWorkflowRepository = (client: DynamoDBDocumentClient, tableName: string): WorkflowStore => {
  const applications = createApplicationRepository(client, tableName);
  /** A page of an index partition: the whole partition unless a narrower query is given. */
  const pageOf = (index: IndexPartition, page: PageRequest, query = partitionQuery(index)) => indexPage(client, tableName, query, index, page);

  return {
    findApplication: applications.findApplication,
    findWithTimeline: applications.findWithTimeline,

    async recordTransition({ before, after, event, decision, closesNeed, attachments = [] }) {
      const transactItems: TransactItem[] = [putAtVersion(tableName, applicationItems.toItem(after), before.version), eventWrite(tableName, event)];
      if (decision) transactItems.push(putNew(tableName, decisionItems.toItem(decision)));
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

    appendEvent: (event) => appendEvent(client, tableName, event),

    async placesAhead(slot) {
      const { gsi2pk, gsi2sk } = queueIndexKeys(slot.serviceId, slot.track, slot.priorityGroup, slot.admittedAt, slot.id);
      return countAll(client, tableName, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :queue AND gsi2sk < :mine',
        ExpressionAttributeValues: { ':queue': gsi2pk, ':mine': gsi2sk },
      });
    },

    async listByServices(serviceIds, filter, page) {
      const positions = page.cursor ? decodeCursor(page.cursor, mergedPositionsFor(serviceIds)) : new Map(serviceIds.map((id) => [id, undefined]));
      const index = (serviceId: ServiceId) => inIndex('gsi3', servicePartition(serviceId));
      const open = [...positions].filter((entry): entry is [ServiceId, string | undefined] => entry[1] !== null);
      const pages = await Promise.all(
        open.map(async ([serviceId, cursor]) => ({
          serviceId,
          page: await pageOf(index(serviceId), { limit: page.limit, ...(cursor && { cursor }) }, serviceQuery(servicePartition(serviceId), filter)),
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
        else if (last) positions.set(serviceId, indexCursorAfter(last.item, index(serviceId)));
      }
      const more = [...positions.values()].some((position) => position !== null);
      return {
        items: merged.map(({ item }) => applicationItems.fromItem(item)),
        ...(more && merged.length > 0 && { nextCursor: encodeMergedCursor(positions) }),
      };
    },

    async listQueue(serviceId, track, page) {
      const keys = await pageOf(inIndex('gsi2', queuePartition(serviceId, track)), page);
      if (keys.items.length === 0) return { items: [] };
      // The queue index holds keys only (cheap to count); the page's applications come in one batch read.
      const found = new Map<string, Application>();
      let pending: Item[] | undefined = keys.items.map((item) => ({ pk: item.pk, sk: item.sk }));
      while (pending && pending.length > 0) {
        const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        for (const item of result.Responses?.[tableName] ?? []) found.set(String(item.pk), applicationItems.fromItem(item));
        pending = result.UnprocessedKeys?.[tableName]?.Keys as Item[] | undefined;
      }
      const ordered = keys.items.map((item) => found.get(String(item.pk))).filter((item): item is Application => item !== undefined);
      return { items: ordered, ...(keys.nextCursor && { nextCursor: keys.nextCursor }) };
    },

    async listFailedNotifications(serviceId, page) {
      const index = inIndex('gsi3', failedPartition(serviceId));
      return mapPage(await pageOf(index, page, partitionQuery(index, 'newest-first')), (item): FailedNotification => {
        const record = notificationItems.fromItem(item);
        return {
          applicationId: record.applicationId,
          eventId: record.eventId,
          kind: record.kind,
          updatedAt: record.updatedAt,
          ...(record.failure && { failure: record.failure }),
        };
      });
    },

    async listLostBatches(page) {
      const index = inIndex('gsi3', lostBatchesPartition);
      return mapPage(await pageOf(index, page, partitionQuery(index, 'newest-first')), lostBatchItems.fromItem);
    },

    requestResend: (key, event) =>
      changeWithEvent(
        client,
        tableName,
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
        event,
      ),
  };
};
