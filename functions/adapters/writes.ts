/**
 * The table's writes as the repositories compose them (alone or in a transaction), each condition spelt once: an item
 * put only where nothing is stored yet, and an item put or deleted only while it is still at the version read.
 */
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TimelineEvent } from '../core/model';
import { writtenIfConditionHolds } from './dynamo-errors';
import { eventItems } from './entities/event';
import type { Item } from './entities/item';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Only where nothing is stored yet (the item's key is unused). */
export const isNew = 'attribute_not_exists(pk)';

/** Only while the stored item is still at `version`, the one the writer read: a change meanwhile fails the write. */
const atVersion = (version: number) => ({
  ConditionExpression: '#version = :seen',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':seen': version },
});

export const putNew = (tableName: string, item: Item) => ({ Put: { TableName: tableName, Item: item, ConditionExpression: isNew } });

export const putAtVersion = (tableName: string, item: Item, version: number) => ({ Put: { TableName: tableName, Item: item, ...atVersion(version) } });

export const deleteAtVersion = (tableName: string, key: Item, version: number) => ({ Delete: { TableName: tableName, Key: key, ...atVersion(version) } });

/** The timeline event that goes with every change it records, written once (the audit trail is never overwritten). */
export const eventWrite = (tableName: string, event: TimelineEvent) => putNew(tableName, eventItems.toItem(event));

/** A timeline event on its own (a read recorded, a document sent). */
export const appendEvent = async (client: DynamoDBDocumentClient, tableName: string, event: TimelineEvent): Promise<void> => {
  await client.send(new PutCommand(eventWrite(tableName, event).Put));
};

/**
 * A change written together with the event that records it, in one transaction: true once both are written, false
 * (nothing written) when the change's condition no longer held or the event was already recorded.
 */
export const changeWithEvent = (client: DynamoDBDocumentClient, tableName: string, change: TransactItem, event: TimelineEvent): Promise<boolean> =>
  writtenIfConditionHolds(client.send(new TransactWriteCommand({ TransactItems: [change, eventWrite(tableName, event)] })));
