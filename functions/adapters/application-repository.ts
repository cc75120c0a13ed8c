/**
 * Applications and their timelines in the single table. Owns keys,
 * conditions and the filer index; hands the core plain domain objects.
 */
import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord } from '../core/applications/types';
import {
  DailyFilingLimitReached,
  IdempotencyKeyTaken,
  OpenApplicationExists,
  type ApplicationStore,
  type DraftHandover,
} from '../core/applications/ports';
import { attachmentOf } from '../core/uploads';
import type { Application, TimelineEvent } from '../core/model';
import { decodeCursor, encodeCursor, isRecord } from './cursor';
import { isConditionFailure } from './dynamo-errors';
import { applicationItems } from './entities/application';
import { decisionItems } from './entities/decision';
import { eventItems } from './entities/event';
import { idempotencyItem, idempotencyOfItem } from './entities/idempotency';
import type { Item } from './entities/item';
import { notificationItems } from './entities/notification';
import { openNeedItem } from './entities/open-need';
import { applicationQuotaItem, attachmentItems } from './entities/upload';
import {
  applicationKey,
  dateOrderedSortKey,
  draftKey,
  draftUploadQuotaKey,
  filingCounterKey,
  idempotencyKey,
  isDateOrderedSortKey,
  openNeedKey,
  ownerPartition,
  personIndexKeys,
  referenceCounterKey,
  referrerPartition,
  uploadKey,
  type Entity,
} from './keys';
import { deleteAtVersion, eventWrite, isNew, putNew, type TransactItem } from './writes';
import { inIndex, indexPage, mapPage, partitionQuery, queryAll } from './pagination';

/**
 * The submission's transaction token, from the application id (new for every submission): the same write sent again
 * (the SDK retrying after a lost answer, or anything re-sending the command) carries the same token, and DynamoDB
 * answers a committed one with success for 10 minutes instead of failing its conditions (a false 409). Set here rather
 * than left to the SDK, which makes one up at each serialisation. At most 36 characters. A filing flagged as a
 * possible duplicate is a second, different write of the same application, so it gets a token of its own (the same
 * token with other items is refused as a parameter mismatch).
 */
export const submissionToken = (application: Pick<Application, 'id' | 'possibleDuplicateOf'>): string =>
  createHash('sha256')
    .update(`submission:${application.id}:${application.possibleDuplicateOf ?? ''}`)
    .digest('base64url')
    .slice(0, 36);

/** The position in a merged list: the date-ordered sort key of the last item given. */
const sortKeyPosition = (position: unknown): string | undefined =>
  isRecord(position) && typeof position.s === 'string' && isDateOrderedSortKey(position.s) ? position.s : undefined;


/**
 * A draft's part of its submission's write (docs/drafts.md): the draft goes (at the version read, so a save
 * meanwhile stops the submission), each of its uploads moves to the application (still clean, unattached and
 * the draft's) and becomes an attachment of the submission event, and the draft's upload quota becomes the
 * application's.
 */
const handoverWrites = (tableName: string, application: Application, event: TimelineEvent, handover: DraftHandover): TransactItem[] => {
  const moved = handover.uploads.map((upload) => attachmentOf({ ...upload, applicationId: application.id }, event.id, event.at));
  return [
    deleteAtVersion(tableName, draftKey(handover.draftId), handover.draftVersion),
    ...moved.flatMap((attachment): TransactItem[] => [
      {
        Update: {
          TableName: tableName,
          Key: uploadKey(attachment.id),
          UpdateExpression: 'SET #applicationId = :application, #attachedBy = :event REMOVE #draftId, gsi1pk, gsi1sk',
          ConditionExpression: '#state = :clean AND #draftId = :draft AND attribute_not_exists(#attachedBy)',
          ExpressionAttributeNames: { '#applicationId': 'applicationId', '#attachedBy': 'attachedBy', '#draftId': 'draftId', '#state': 'state' },
          ExpressionAttributeValues: { ':application': application.id, ':event': event.id, ':clean': 'clean', ':draft': handover.draftId },
        },
      },
      putNew(tableName, attachmentItems.toItem(attachment)),
    ]),
    ...(moved.length > 0
      ? [
          { Delete: { TableName: tableName, Key: draftUploadQuotaKey(handover.draftId) } },
          putNew(tableName, applicationQuotaItem(application.id, moved)),
        ]
      : []),
  ];
};

export const createApplicationRepository = (client: DynamoDBDocumentClient, tableName: string): ApplicationStore => {
  const get = async (key: Item): Promise<Item | undefined> =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  return {
    async nextReferenceNumber(year) {
      const result = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: referenceCounterKey(year),
          UpdateExpression: 'ADD #value :one',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(result.Attributes?.value);
    },

    async insertSubmitted(application, event, idempotency, quota, handover) {
      const needKey = openNeedKey(application.serviceId, application.track, application.personKey);
      const writes: TransactItem[] = [
        putNew(tableName, applicationItems.toItem(application)),
        eventWrite(tableName, event),
      ];
      // A possible duplicate does not take the open need: the application that holds it keeps it.
      const needAt = application.possibleDuplicateOf ? -1 : writes.length;
      if (needAt >= 0) {
        writes.push(putNew(tableName, openNeedItem(application, application.personKey, application.submittedAt)));
      }
      const idempotencyAt = idempotency ? writes.length : -1;
      if (idempotency) {
        const now = Math.floor(Date.parse(application.submittedAt) / 1000);
        writes.push({ Put: {
          TableName: tableName,
          Item: idempotencyItem(idempotency, now),
          // TTL deletes an expired record some time later; until then it is as good as absent.
          ConditionExpression: `${isNew} OR expiresAt <= :now`,
          ExpressionAttributeValues: { ':now': now },
        } });
      }
      const quotaAt = quota ? writes.length : -1;
      if (quota) {
        // Counted in the same transaction: only stored filings count, and concurrent ones cannot overshoot.
        writes.push({
          Update: {
            TableName: tableName,
            Key: filingCounterKey(quota.filer, quota.day),
            UpdateExpression: 'ADD #count :one SET entity = :entity, expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': quota.limit,
              ':entity': 'filing-counter' satisfies Entity,
              ':expires': Math.floor(Date.parse(application.submittedAt) / 1000) + 2 * 24 * 60 * 60,
            },
          },
        });
      }
      if (handover) writes.push(...handoverWrites(tableName, application, event, handover));
      try {
        await client.send(new TransactWriteCommand({ TransactItems: writes, ClientRequestToken: submissionToken(application) }));
      } catch (error) {
        // Which conditional write failed, by position. The idempotency record first: a concurrent twin also holds
        // the open need (and counted), and must be answered as a replay.
        if (idempotencyAt >= 0 && isConditionFailure(error, idempotencyAt)) throw new IdempotencyKeyTaken();
        if (quotaAt >= 0 && isConditionFailure(error, quotaAt)) throw new DailyFilingLimitReached();
        if (needAt >= 0 && isConditionFailure(error, needAt)) {
          const open = await get(needKey);
          if (typeof open?.applicationId === 'string') throw new OpenApplicationExists(open.applicationId);
        }
        throw error;
      }
    },

    async findApplication(id) {
      const item = await get(applicationKey(id));
      return item ? applicationItems.fromItem(item) : undefined;
    },

    async findIdempotencyRecord(scope, key) {
      const item = await get(idempotencyKey(scope, key));
      // Expired as insertSubmitted's condition has it.
      return item ? idempotencyOfItem(item, { scope, key }, Math.floor(Date.now() / 1000)) : undefined;
    },

    async findWithTimeline(id) {
      const items = await queryAll(client, tableName, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': applicationKey(id).pk },
        ConsistentRead: true,
      });
      const application = items.find((item) => item.entity === 'application');
      if (!application) return undefined;
      const record: ApplicationRecord = {
        application: applicationItems.fromItem(application),
        timeline: items.filter((item) => item.entity === 'event').map(eventItems.fromItem),
        notifications: items.filter((item) => item.entity === 'notification').map(notificationItems.fromItem),
        decisions: items.filter((item) => item.entity === 'decision').map(decisionItems.fromItem),
      };
      return record;
    },

    async listForPerson(ownerSubject, personKey, { limit, cursor }) {
      const before = cursor ? decodeCursor(cursor, sortKeyPosition) : undefined;
      // Newest first from both indexes, each one more than a page; a page of the merge needs no more than that.
      const query = (index: 'gsi1' | 'gsi4', partition: string) =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: index,
            KeyConditionExpression: `${index}pk = :partition${before ? ` AND ${index}sk < :before` : ''}`,
            ExpressionAttributeValues: { ':partition': partition, ...(before && { ':before': before }) },
            ScanIndexForward: false,
            Limit: limit + 1,
          }),
        );
      const [filed, about] = await Promise.all([
        query('gsi1', ownerPartition(ownerSubject)),
        query('gsi4', personIndexKeys(personKey, '', '').gsi4pk),
      ]);
      const byId = new Map<string, Item>();
      for (const item of [...(filed.Items ?? []), ...(about.Items ?? [])]) byId.set(String(item.id), item);
      const sortKey = (item: Item) => dateOrderedSortKey(String(item.submittedAt), String(item.id));
      const newestFirst = [...byId.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
      const page = newestFirst.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = newestFirst.length > limit && last ? encodeCursor({ s: sortKey(last) }) : undefined;
      return { items: page.map(applicationItems.fromItem), ...(nextCursor && { nextCursor }) };
    },

    async listByReferrer(kind, organisation, page) {
      const index = inIndex('gsi1', referrerPartition(kind, organisation));
      return mapPage(await indexPage(client, tableName, partitionQuery(index, 'newest-first'), index, page), applicationItems.fromItem);
    },
  };
};
