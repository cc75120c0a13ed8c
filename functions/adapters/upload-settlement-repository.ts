/**
 * The two reads and writes of an upload's item that settling it needs (the promote-upload function uses only these):
 * find it, and settle it with its quota in one transaction. Apart from ./upload-repository.ts so the promote
 * function's bundle holds no application repository (bench/RESULTS.md). Owns keys and conditions (keys.ts names them).
 */
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Upload, UploadStore } from '../core/uploads';
import { isConditionFailure } from './dynamo-errors';
import type { Item } from './entities/item';
import { quotaKeyOf, uploadItems } from './entities/upload';
import { uploadKey } from './keys';
export type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;
export const quotaNames = { '#files': 'files', '#bytes': 'bytes' };

/**
 * The quota item also lists the reservations of its pending uploads (a string set, `pending`), so a reservation that
 * has lapsed can be found and released without a listing of the owner's uploads (core/uploads.ts, `reservationCounts`).
 * Each names the upload and what it holds: `<createdAt> <size> <uploadId>`.
 */
export const pendingName = { '#pending': 'pending' };
export const reservationOf = (upload: Pick<Upload, 'createdAt' | 'size' | 'id'>) => `${upload.createdAt} ${upload.size} ${upload.id}`;
export const parseReservation = (reservation: string) => {
  const [createdAt = '', size = '', id = ''] = reservation.split(' ');
  return { createdAt, size: Number(size), id };
};

export const createUploadSettlementStore = (client: DynamoDBDocumentClient, tableName: string): Pick<UploadStore, 'find' | 'settle'> => {
  const transact = (items: TransactItems) => client.send(new TransactWriteCommand({ TransactItems: items }));
  return {
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
        settlement.state === 'rejected' ? { files: -1, bytes: -upload.size } : measured ? { files: 0, bytes: measured.size - upload.size } : { files: 0, bytes: 0 };
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
          {
            // Settled, it is no longer a reservation that may lapse.
            Update: {
              TableName: tableName,
              Key: quotaKeyOf(upload),
              UpdateExpression: 'ADD #files :files, #bytes :bytes DELETE #pending :reservation',
              ExpressionAttributeNames: { ...quotaNames, ...pendingName },
              ExpressionAttributeValues: { ':files': quotaChange.files, ':bytes': quotaChange.bytes, ':reservation': new Set([reservationOf(upload)]) },
            },
          },
        ]);
        return true;
      } catch (error) {
        if (isConditionFailure(error, 0)) return false;
        throw error;
      }
    },
  };
};
