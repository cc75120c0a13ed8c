/**
 * Evidence uploads in the table: the declared upload, the application's quota
 * counted in the same transaction, its settlement after the scan, and the
 * attachments. Owns keys and conditions (keys.ts names them).
 */
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { uploadLimits } from '../../schemas/uploads';
import { UploadQuotaExceeded, type Attachment, type UploadStore } from '../core/uploads';
import { createApplicationRepository } from './application-repository';
import { isConditionFailure } from './dynamo-errors';
import type { Item } from './entities/item';
import { attachmentItems, quotaKeyOf, uploadItems } from './entities/upload';
import { attachmentKey, attachmentPrefix, uploadKey, type Entity } from './keys';
import { appendEvent, putNew } from './writes';

/**
 * The writes that attach clean uploads, for the transition's transaction: each upload must
 * still be clean and unattached (one upload, one application, once).
 */
export const attachmentWrites = (tableName: string, attachments: readonly Attachment[]) =>
  attachments.flatMap((attachment) => [
    {
      Update: {
        TableName: tableName,
        Key: uploadKey(attachment.id),
        UpdateExpression: 'SET #attachedBy = :event',
        ConditionExpression: '#state = :clean AND #applicationId = :application AND attribute_not_exists(#attachedBy)',
        ExpressionAttributeNames: { '#attachedBy': 'attachedBy', '#state': 'state', '#applicationId': 'applicationId' },
        ExpressionAttributeValues: { ':event': attachment.eventId, ':clean': 'clean', ':application': attachment.applicationId },
      },
    },
    putNew(tableName, attachmentItems.toItem(attachment)),
  ]);

export const createUploadRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
): UploadStore => {
  const applications = createApplicationRepository(client, tableName);
  const quotaNames = { '#files': 'files', '#bytes': 'bytes' };
  type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;
  const transact = (items: TransactItems) => client.send(new TransactWriteCommand({ TransactItems: items }));

  return {
    findApplication: (id) => applications.findApplication(id),

    async reserve(upload) {
      try {
        await transact([
          {
            Update: {
              TableName: tableName,
              Key: quotaKeyOf(upload),
              UpdateExpression: 'SET #entity = :entity ADD #files :one, #bytes :size',
              ConditionExpression: '(attribute_not_exists(#files) OR #files < :maxFiles) AND (attribute_not_exists(#bytes) OR #bytes <= :room)',
              ExpressionAttributeNames: { ...quotaNames, '#entity': 'entity' },
              ExpressionAttributeValues: {
                ':entity': 'upload-quota' satisfies Entity,
                ':one': 1,
                ':size': upload.size,
                ':maxFiles': uploadLimits.applicationFiles,
                ':room': uploadLimits.applicationBytes - upload.size,
              },
            },
          },
          putNew(tableName, uploadItems.toItem(upload)),
        ]);
      } catch (error) {
        if (!isConditionFailure(error, 0)) throw error;
        const { Item: quota } = await client.send(new GetCommand({ TableName: tableName, Key: quotaKeyOf(upload) }));
        throw new UploadQuotaExceeded(Number(quota?.files ?? 0) >= uploadLimits.applicationFiles ? 'files' : 'bytes');
      }
    },

    async find(uploadId) {
      const { Item: item } = await client.send(new GetCommand({ TableName: tableName, Key: uploadKey(uploadId), ConsistentRead: true }));
      return item ? uploadItems.fromItem(item) : undefined;
    },

    async settle(upload, settlement, at) {
      // A form upload's measured size, type and name replace what was reserved for it.
      const { measured, ...settled } = settlement.state === 'clean' ? settlement : { ...settlement, measured: undefined };
      const fields: Item = { settledAt: at, ...settled, ...measured };
      const names = Object.keys(fields);
      // A refused file no longer counts against the application's limits; a measured one counts what it weighs.
      const quotaChange =
        settlement.state === 'rejected' ? { files: -1, bytes: -upload.size } : measured && measured.size !== upload.size ? { files: 0, bytes: measured.size - upload.size } : undefined;
      try {
        await transact([
          {
            Update: {
              TableName: tableName,
              Key: uploadKey(upload.id),
              UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
              ConditionExpression: '#state = :pending',
              ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
              ExpressionAttributeValues: { ...Object.fromEntries(names.map((name) => [`:${name}`, fields[name]])), ':pending': 'pending' },
            },
          },
          ...(quotaChange
            ? [
                {
                  Update: {
                    TableName: tableName,
                    Key: quotaKeyOf(upload),
                    UpdateExpression: 'ADD #files :files, #bytes :bytes',
                    ExpressionAttributeNames: quotaNames,
                    ExpressionAttributeValues: { ':files': quotaChange.files, ':bytes': quotaChange.bytes },
                  },
                },
              ]
            : []),
        ]);
        return true;
      } catch (error) {
        if (isConditionFailure(error, 0)) return false;
        throw error;
      }
    },

    async findAttachment(applicationId, attachmentId) {
      const { Item: item } = await client.send(new GetCommand({ TableName: tableName, Key: attachmentKey(applicationId, attachmentId) }));
      return item ? attachmentItems.fromItem(item) : undefined;
    },

    async listAttachments(applicationId) {
      const { Items: items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': attachmentKey(applicationId, '').pk, ':prefix': attachmentPrefix },
        }),
      );
      return items.map(attachmentItems.fromItem);
    },

    appendEvent: (event) => appendEvent(client, tableName, event),
  };
};
