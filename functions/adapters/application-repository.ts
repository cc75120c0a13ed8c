/**
 * Applications and their timelines in the single table. Owns keys,
 * conditions and the owner index; hands the core plain domain objects.
 */
import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord, ApplicationStore, Page } from '../core/applications';
import { validationFailed } from '../core/errors';
import type { Application, NotificationRecord, TimelineEvent } from '../core/model';
import { violation } from '../../schemas/messages';
import { applicationKey, eventKey, ownerIndexKeys, ownerPartition, referenceCounterKey, sortKeys, type Entity } from './keys';

type Item = Record<string, unknown>;

/** The domain object inside an item: keys and the entity tag removed. */
export const withoutKeys = <T>(item: Item): T => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, entity: _entity, ...rest } = item;
  return rest as T;
};

export const applicationItem = (application: Application): Item => ({
  ...applicationKey(application.id),
  ...ownerIndexKeys(application.ownerSubject, application.submittedAt, application.id),
  entity: 'application' satisfies Entity,
  ...application,
});

export const eventItem = (event: TimelineEvent): Item => ({
  ...eventKey(event.applicationId, event.id),
  entity: 'event' satisfies Entity,
  ...event,
});

/** Cursor = the last item's owner-index sort key; the partition is always the caller's, so a cursor can't reach others' data. */
const encodeCursor = (key: Item | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify({ s: key.gsi1sk, i: key.pk }), 'utf8').toString('base64url') : undefined;

const decodeCursor = (cursor: string, ownerSubject: string): Item => {
  try {
    const { s, i } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; i?: unknown };
    if (typeof s !== 'string' || typeof i !== 'string' || !i.startsWith('APPLICATION#')) throw new Error('shape');
    return { pk: i, sk: sortKeys.application, gsi1pk: ownerPartition(ownerSubject), gsi1sk: s };
  } catch {
    throw validationFailed([violation(['cursor'], 'invalid_cursor')]);
  }
};

export const createApplicationRepository = (client: DynamoDBDocumentClient, tableName: string): ApplicationStore => ({
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

  async insertSubmitted(application, event) {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: applicationItem(application), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: tableName, Item: eventItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
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
    };
    return record;
  },

  async listByOwner(ownerSubject, { limit, cursor }): Promise<Page<Application>> {
    // One extra item tells whether another page exists, so the last page carries no cursor.
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :owner',
        ExpressionAttributeValues: { ':owner': ownerPartition(ownerSubject) },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: cursor ? decodeCursor(cursor, ownerSubject) : undefined,
      }),
    );
    const items = result.Items ?? [];
    const page = items.slice(0, limit);
    const nextCursor = items.length > limit ? encodeCursor(page[page.length - 1]) : undefined;
    return { items: page.map((item) => withoutKeys<Application>(item)), ...(nextCursor && { nextCursor }) };
  },
});
