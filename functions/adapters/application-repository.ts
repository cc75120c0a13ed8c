/**
 * Applications and their timelines in the single table. Owns keys,
 * conditions and the filer index; hands the core plain domain objects.
 */
import { createHash } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  DailyFilingLimitReached,
  IdempotencyKeyTaken,
  OpenApplicationExists,
  type ApplicationRecord,
  type ApplicationStore,
  type DraftHandover,
  type IdempotencyRecord,
  type Page,
  type PageRequest,
} from '../core/applications';
import { validationFailed } from '../core/errors';
import { isConditionFailure } from './dynamo-errors';
import { attachmentOf } from '../core/uploads';
import { attachmentItem } from './upload-repository';
import type { Application, DecisionRecord, NotificationRecord, TimelineEvent } from '../core/model';
import { violation } from '../../schemas/messages';
import { retentionMonthOf } from '../core/retention';
import {
  applicationKey,
  draftKey,
  draftUploadQuotaKey,
  eventKey,
  filerIndexKeys,
  filingCounterKey,
  idempotencyKey,
  openNeedKey,
  ownerPartition,
  personIndexKeys,
  referenceCounterKey,
  queueIndexKeys,
  referrerPartition,
  retentionIndexKeys,
  serviceIndexKeys,
  sortKeys,
  uploadKey,
  uploadQuotaKey,
  withoutKeys,
  type Entity,
} from './keys';

type Item = Record<string, unknown>;

/** How long a stored answer to an idempotent request is kept (the table's TTL removes it). */
export const idempotencyTtlSeconds = 24 * 60 * 60;

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

/** The domain object inside an item (kept in ./keys.ts, which the promote function's bundle shares). */
export { withoutKeys } from './keys';

const filerPartition = (application: Application): string =>
  application.referral
    ? referrerPartition(application.referral.kind, application.referral.organisation)
    : ownerPartition(application.ownerSubject ?? '');

/** The item with every index key its state calls for: a queued application is in its queue's index, no other. */
export const applicationItem = (application: Application): Item => ({
  ...applicationKey(application.id),
  ...filerIndexKeys(filerPartition(application), application.submittedAt, application.id),
  ...serviceIndexKeys(application.serviceId, application.submittedAt, application.id),
  ...personIndexKeys(application.personKey, application.submittedAt, application.id),
  ...(application.status === 'queued' &&
    application.queue &&
    queueIndexKeys(application.serviceId, application.track, application.queue.priorityGroup, application.queue.admittedAt, application.id)),
  ...(application.retainUntil && retentionIndexKeys(retentionMonthOf(application.retainUntil), application.retainUntil, application.id)),
  entity: 'application' satisfies Entity,
  ...application,
});

export const eventItem = (event: TimelineEvent): Item => ({
  ...eventKey(event.applicationId, event.id),
  entity: 'event' satisfies Entity,
  ...event,
});

/** Cursor = the last item's index sort key; the partition is always the caller's, so a cursor can't reach others' data. */
const encodeCursor = (key: Item | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify({ s: key.gsi1sk, i: key.pk }), 'utf8').toString('base64url') : undefined;

/** An index sort key as this module writes it: `<ISO instant>#<id>`. */
const sortKeyShape = /^\d{4}-\d{2}-\d{2}T[^#]{1,40}#[\w-]{1,64}$/;

const decodeCursor = (cursor: string, partition: string): Item => {
  try {
    const { s, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; i?: unknown };
    // Exactly the shape this module writes: `<ISO instant>#<id>` and `APPLICATION#<id>` (DynamoDB rejects empty key values with a 500-worthy error).
    if (typeof s !== 'string' || typeof i !== 'string' || !sortKeyShape.test(s) || !/^APPLICATION#[\w-]{1,64}$/.test(i)) {
      throw new Error('shape');
    }
    return { pk: i, sk: sortKeys.application, gsi1pk: partition, gsi1sk: s };
  } catch {
    throw validationFailed([violation(['cursor'], 'invalid_cursor')]);
  }
};

/** Cursor of a merged list: the sort key (`<submittedAt>#<id>`) of the last item given. */
const encodeSortCursor = (sortKey: string): string => Buffer.from(JSON.stringify({ s: sortKey }), 'utf8').toString('base64url');
const decodeSortCursor = (cursor: string): string => {
  try {
    const { s } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof s !== 'string' || !sortKeyShape.test(s)) throw new Error('shape');
    return s;
  } catch {
    throw validationFailed([violation(['cursor'], 'invalid_cursor')]);
  }
};

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * A draft's part of its submission's write (docs/drafts.md): the draft goes (at the version read, so a save
 * meanwhile stops the submission), each of its uploads moves to the application (still clean, unattached and
 * the draft's) and becomes an attachment of the submission event, and the draft's upload quota becomes the
 * application's.
 */
const handoverWrites = (tableName: string, application: Application, event: TimelineEvent, handover: DraftHandover): TransactItem[] => {
  const moved = handover.uploads.map((upload) => attachmentOf({ ...upload, applicationId: application.id }, event.id, event.at));
  return [
    {
      Delete: {
        TableName: tableName,
        Key: draftKey(handover.draftId),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': handover.draftVersion },
      },
    },
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
      { Put: { TableName: tableName, Item: attachmentItem(attachment), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]),
    ...(moved.length > 0
      ? [
          { Delete: { TableName: tableName, Key: draftUploadQuotaKey(handover.draftId) } },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...uploadQuotaKey(application.id),
                entity: 'upload-quota' satisfies Entity,
                files: moved.length,
                bytes: moved.reduce((total, attachment) => total + attachment.size, 0),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : []),
  ];
};

export const createApplicationRepository = (client: DynamoDBDocumentClient, tableName: string): ApplicationStore => {
  const get = async (key: Item): Promise<Item | undefined> =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  const listByPartition = async (partition: string, { limit, cursor }: PageRequest): Promise<Page<Application>> => {
    // One extra item tells whether another page exists, so the last page carries no cursor.
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': partition },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: cursor ? decodeCursor(cursor, partition) : undefined,
      }),
    );
    const items = result.Items ?? [];
    const page = items.slice(0, limit);
    const nextCursor = items.length > limit ? encodeCursor(page[page.length - 1]) : undefined;
    return { items: page.map((item) => withoutKeys<Application>(item)), ...(nextCursor && { nextCursor }) };
  };

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
      const isNew = 'attribute_not_exists(pk)';
      const needKey = openNeedKey(application.serviceId, application.track, application.personKey);
      const writes: TransactItem[] = [
        { Put: { TableName: tableName, Item: applicationItem(application), ConditionExpression: isNew } },
        { Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: isNew } },
      ];
      // A possible duplicate does not take the open need: the application that holds it keeps it.
      const needAt = application.possibleDuplicateOf ? -1 : writes.length;
      if (needAt >= 0) {
        writes.push({
          Put: {
            TableName: tableName,
            Item: { ...needKey, entity: 'open-need' satisfies Entity, applicationId: application.id, since: application.submittedAt },
            ConditionExpression: isNew,
          },
        });
      }
      const idempotencyAt = idempotency ? writes.length : -1;
      if (idempotency) {
        const now = Math.floor(Date.parse(application.submittedAt) / 1000);
        writes.push({ Put: {
          TableName: tableName,
          Item: {
            ...idempotencyKey(idempotency.scope, idempotency.key),
            entity: 'idempotency' satisfies Entity,
            fingerprint: idempotency.fingerprint,
            receipt: idempotency.receipt,
            expiresAt: now + idempotencyTtlSeconds,
          },
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
      return item ? withoutKeys<Application>(item) : undefined;
    },

    async findIdempotencyRecord(scope, key) {
      const item = await get(idempotencyKey(scope, key));
      // TTL deletion lags; an expired record no longer counts (expired as insertSubmitted's condition has it).
      if (!item || (typeof item.expiresAt === 'number' && item.expiresAt <= Math.floor(Date.now() / 1000))) return undefined;
      return { scope, key, fingerprint: String(item.fingerprint), receipt: item.receipt as IdempotencyRecord['receipt'] };
    },

    async findWithTimeline(id) {
      const items: Item[] = [];
      let startKey: Item | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': applicationKey(id).pk },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);

      const application = items.find((item) => item.entity === 'application');
      if (!application) return undefined;
      const record: ApplicationRecord = {
        application: withoutKeys<Application>(application),
        timeline: items.filter((item) => item.entity === 'event').map((item) => withoutKeys<TimelineEvent>(item)),
        notifications: items.filter((item) => item.entity === 'notification').map((item) => withoutKeys<NotificationRecord>(item)),
        decisions: items.filter((item) => item.entity === 'decision').map((item) => withoutKeys<DecisionRecord>(item)),
      };
      return record;
    },

    async listForPerson(ownerSubject, personKey, { limit, cursor }) {
      const before = cursor ? decodeSortCursor(cursor) : undefined;
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
      const sortKey = (item: Item) => `${String(item.submittedAt)}#${String(item.id)}`;
      const newestFirst = [...byId.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
      const page = newestFirst.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = newestFirst.length > limit && last ? encodeSortCursor(sortKey(last)) : undefined;
      return { items: page.map((item) => withoutKeys<Application>(item)), ...(nextCursor && { nextCursor }) };
    },
    listByReferrer: (kind, organisation, page) => listByPartition(referrerPartition(kind, organisation), page),
  };
};
