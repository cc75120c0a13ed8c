/**
 * Drafts in the single table (keys.ts names the keys; docs/drafts.md the rules). A save is one conditional
 * UpdateItem: on a failed condition DynamoDB hands back the stored item, so telling a stale version from a
 * missing or foreign draft costs no second call. The content is kept as one JSON string: whatever a person
 * typed (nesting, huge numbers, odd keys) is stored as sent and can never make DynamoDB refuse the item.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DraftChanged, DraftSlotTaken, type Draft, type DraftStore } from '../core/drafts';
import { isConditionFailure, itemOnConditionFailure, writtenIfConditionHolds } from './dynamo-errors';
import { draftItems, draftSlotItem, epochSeconds, reminderAttributes } from './entities/draft';
import type { Item } from './entities/item';
import { uploadItems } from './entities/upload';
import { draftKey, draftOwnerIndexKeys, draftReminderIndexKeys, draftRemindersPartition, draftSlotKey, draftUploadIndexKeys, draftUploadQuotaKey, upToSortKey, uploadKey } from './keys';
import { queryAll } from './pagination';
import { deleteAtVersion, isNew, putNew } from './writes';

/** The item a failed condition handed back (ReturnValuesOnConditionCheckFailure), as a draft. */
const storedOnFailure = (error: unknown): Draft | undefined => {
  const item = itemOnConditionFailure(error) as Record<string, AttributeValue> | undefined;
  return item && item.entity?.S === 'draft' ? draftItems.fromItem(unmarshall(item)) : undefined;
};

export const createDraftRepository = (client: DynamoDBDocumentClient, tableName: string): DraftStore => {
  /** An update of the draft as read: false (nothing written) when it changed meanwhile, is gone, or fails `alsoRequire`. */
  const updateAsRead = (draft: Draft, update: string, values: Item, alsoRequire = '') =>
    writtenIfConditionHolds(
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: draftKey(draft.id),
          UpdateExpression: update,
          ConditionExpression: `#version = :version${alsoRequire}`,
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ...values, ':version': draft.version },
        }),
      ),
    );

  return {
    async insert(draft, replacing) {
      const slot = draftSlotKey(draft.ownerKey, draft.serviceId, draft.track);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              putNew(tableName, draftItems.toItem(draft)),
              {
                Put: {
                  TableName: tableName,
                  Item: draftSlotItem(draft),
                  ConditionExpression: replacing ? 'draftId = :replacing' : isNew,
                  ...(replacing && { ExpressionAttributeValues: { ':replacing': replacing } }),
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error, 1)) throw error;
        const { Item: taken } = await client.send(new GetCommand({ TableName: tableName, Key: slot, ConsistentRead: true }));
        throw new DraftSlotTaken(String(taken?.draftId ?? ''));
      }
    },

    async find(id) {
      const { Item: item } = await client.send(new GetCommand({ TableName: tableName, Key: draftKey(id), ConsistentRead: true }));
      return item ? draftItems.fromItem(item) : undefined;
    },

    async listOwned(ownerKey) {
      const items = await queryAll(client, tableName, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': draftOwnerIndexKeys(ownerKey, '', '').gsi1pk },
      });
      return items.filter((item) => item.entity === 'draft').map(draftItems.fromItem);
    },

    async save(draft, expectedVersion, now) {
      const item = draftItems.toItem(draft);
      const fields = ['content', 'version', 'formVersion', 'savedAt', 'expiresAt', ...(draft.track !== undefined ? ['track'] : [])];
      const reminder = reminderAttributes(draft);
      const set = [...fields, ...Object.keys(reminder)];
      // Without an address the draft leaves the due list (an earlier save may have put it there).
      const remove = draft.reminder ? [] : ['gsi3pk', 'gsi3sk', 'remindAt'];
      const values: Item = Object.fromEntries(set.map((name) => [`:${name}`, item[name]]));
      try {
        const { Attributes: stored } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: draftKey(draft.id),
            UpdateExpression: `SET ${set.map((name) => `#${name} = :${name}`).join(', ')}${remove.length > 0 ? ` REMOVE ${remove.map((name) => `#${name}`).join(', ')}` : ''}`,
            ConditionExpression:
              'attribute_exists(pk) AND #ownerKey = :ownerKey AND #serviceId = :serviceId AND #version = :expected AND #expiresAt > :now' +
              (draft.track !== undefined ? ' AND (attribute_not_exists(#track) OR #track = :track)' : ''),
            ExpressionAttributeNames: Object.fromEntries(
              [...set, ...remove, 'ownerKey', 'serviceId', 'version', 'expiresAt', ...(draft.track !== undefined ? ['track'] : [])].map((name) => [`#${name}`, name]),
            ),
            ExpressionAttributeValues: { ...values, ':ownerKey': draft.ownerKey, ':serviceId': draft.serviceId, ':expected': expectedVersion, ':now': epochSeconds(now) },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return draftItems.fromItem(stored ?? item);
      } catch (error) {
        if (isConditionFailure(error)) throw new DraftChanged(storedOnFailure(error));
        throw error;
      }
    },

    async remove(draft) {
      await client.send(new DeleteCommand(deleteAtVersion(tableName, draftKey(draft.id), draft.version).Delete));
    },

    async listUploads(draftId) {
      const items = await queryAll(client, tableName, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :partition',
        ExpressionAttributeValues: { ':partition': draftUploadIndexKeys(draftId, '').gsi1pk },
      });
      return items.filter((item) => item.entity === 'upload').map(uploadItems.fromItem);
    },

    async dueReminders(now, limit) {
      const { Items: items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi3',
          // Sort keys are `<remindAt>#<id>`: every reminder due at or before `now`.
          KeyConditionExpression: 'gsi3pk = :partition AND gsi3sk <= :upTo',
          ExpressionAttributeValues: { ':partition': draftRemindersPartition, ':upTo': upToSortKey(now) },
          Limit: limit,
        }),
      );
      return items.filter((item) => item.entity === 'draft').map(draftItems.fromItem);
    },

    async claimReminder(draft, at) {
      if (!draft.reminder) return false;
      const { gsi3sk: due } = draftReminderIndexKeys(draft.reminder.remindAt, draft.id);
      return updateAsRead(draft, 'SET remindedAt = :at REMOVE gsi3pk, gsi3sk', { ':at': at, ':due': due }, ' AND gsi3sk = :due');
    },

    async releaseReminder(draft) {
      if (!draft.reminder) return;
      const keys = draftReminderIndexKeys(draft.reminder.remindAt, draft.id);
      // Only the draft as claimed: a save meanwhile has put it on the list for its new expiry already.
      await updateAsRead(draft, 'SET gsi3pk = :pk, gsi3sk = :sk REMOVE remindedAt', { ':pk': keys.gsi3pk, ':sk': keys.gsi3sk });
    },

    async discardUpload(upload) {
      await writtenIfConditionHolds(
        client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: uploadKey(upload.id),
            ConditionExpression: '#draftId = :draftId AND attribute_not_exists(#attachedBy)',
            ExpressionAttributeNames: { '#draftId': 'draftId', '#attachedBy': 'attachedBy' },
            ExpressionAttributeValues: { ':draftId': upload.draftId },
          }),
        ),
      );
    },

    async discardQuota(draftId) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: draftUploadQuotaKey(draftId) }));
    },
  };
};
