/**
 * Evidence uploads in the table: the declared upload, the application's quota
 * counted in the same transaction, and the attachments (settling after the
 * scan: ./upload-settlement-repository.ts). Owns keys and conditions (keys.ts names them).
 */
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { uploadLimits } from '../../schemas/uploads';
import { reservationCounts, reservationLapsesAt, UploadQuotaExceeded, type Attachment, type Upload, type UploadStore } from '../core/uploads';
import { createApplicationRepository } from './application-repository';
import { isConditionFailure } from './dynamo-errors';
import type { Item } from './entities/item';
import { attachmentItems, quotaKeyOf, uploadItems } from './entities/upload';
import { attachmentKey, attachmentPrefix, uploadKey, type Entity } from './keys';
import { appendEvent, putNew } from './writes';
import { createUploadSettlementStore, parseReservation, pendingName, quotaNames, reservationOf, type TransactItems } from './upload-settlement-repository';

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
  const transact = (items: TransactItems) => client.send(new TransactWriteCommand({ TransactItems: items }));

  const settlement = createUploadSettlementStore(client, tableName);

  /** One attempt: the upload's item, and its reservation on the owner's quota if the quota has room; false if not. */
  const reserveOnce = async (upload: Upload): Promise<boolean> => {
    try {
      await transact([
        {
          Update: {
            TableName: tableName,
            Key: quotaKeyOf(upload),
            UpdateExpression: 'SET #entity = :entity ADD #files :one, #bytes :size, #pending :reservation',
            ConditionExpression: '(attribute_not_exists(#files) OR #files < :maxFiles) AND (attribute_not_exists(#bytes) OR #bytes <= :room)',
            ExpressionAttributeNames: { ...quotaNames, ...pendingName, '#entity': 'entity' },
            ExpressionAttributeValues: {
              ':entity': 'upload-quota' satisfies Entity,
              ':one': 1,
              ':size': upload.size,
              ':reservation': new Set([reservationOf(upload)]),
              ':maxFiles': uploadLimits.applicationFiles,
              ':room': uploadLimits.applicationBytes - upload.size,
            },
          },
        },
        putNew(tableName, uploadItems.toItem(upload)),
      ]);
      return true;
    } catch (error) {
      if (!isConditionFailure(error, 0)) throw error;
      return false;
    }
  };

  const readQuota = async (upload: Upload) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: quotaKeyOf(upload), ConsistentRead: true }))).Item;

  /**
   * Settles the owner's pending uploads whose reservation has lapsed as `not_received` (each gives its file and bytes
   * back, as a refused file does); answers how many. One that settled otherwise meanwhile is left as it is.
   */
  const releaseLapsed = async (quota: Item | undefined, now: Date): Promise<number> => {
    const lapsed = [...((quota?.pending as Set<string> | undefined) ?? [])]
      .map(parseReservation)
      .filter((reservation) => !reservationCounts(reservationLapsesAt(reservation), now));
    let released = 0;
    for (const { id } of lapsed) {
      const upload = await settlement.find(id);
      if (upload?.state === 'pending' && (await settlement.settle(upload, { state: 'rejected', reason: 'not_received' }, now.toISOString()))) released++;
    }
    return released;
  };

  return {
    ...settlement,

    async reserve(upload, now) {
      if (await reserveOnce(upload)) return;
      // Full: uploads that can no longer arrive make room first, then one more attempt.
      const quota = await readQuota(upload);
      const released = await releaseLapsed(quota, now);
      if (released > 0 && (await reserveOnce(upload))) return;
      const current = released > 0 ? await readQuota(upload) : quota;
      throw new UploadQuotaExceeded(Number(current?.files ?? 0) >= uploadLimits.applicationFiles ? 'files' : 'bytes');
    },

    findApplication: (id) => applications.findApplication(id),

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
