/**
 * Retention in the table and the evidence bucket: the due list on the sparse
 * gsi5, and destroying a file: its evidence objects, every item of its
 * partition, its uploads, its report markers and its open-need marker, then the
 * application item and the tombstone in one transaction. Owns keys and conditions.
 */
import { DeleteCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../core/model';
import { dueRecordOf, type RetentionStore } from '../core/retention';
import { evidenceKeyOf } from '../core/uploads';
import { createApplicationRepository } from './application-repository';
import { writtenIfConditionHolds } from './dynamo-errors';
import { applicationItems } from './entities/application';
import type { Item } from './entities/item';
import { tombstoneItems } from './entities/retention';
import type { EvidenceDisposal } from './evidence-storage';
import { applicationKey, attachmentPrefix, countedEventKey, openNeedKey, retentionPartition, sortKeys, tombstoneKey, uploadKey } from './keys';
import { deleteAtVersion } from './writes';
import { inIndex, indexPage, mapPage, partitionQuery, queryAll } from './pagination';
type Key = { pk: string; sk: string };

/** DynamoDB's most items in one transaction. */
const transactionLimit = 100;

/** `evidence` only for the destroying function: the due list is built without any bucket access. */
export const createRetentionRepository = (client: DynamoDBDocumentClient, tableName: string, evidence?: EvidenceDisposal): RetentionStore => {
  const get = async (key: Key): Promise<Item | undefined> =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  /** Every item key of the application's partition, and what they point to elsewhere (uploads, report markers). */
  const partitionKeys = async (applicationId: string): Promise<Key[]> => {
    const items = await queryAll(client, tableName, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': applicationKey(applicationId).pk },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    return items.flatMap((item): Key[] => {
      const sk = String(item.sk);
      if (sk === sortKeys.application) return [];
      const own = { pk: String(item.pk), sk };
      if (sk.startsWith(sortKeys.eventPrefix)) return [own, countedEventKey(applicationId, sk.slice(sortKeys.eventPrefix.length))];
      if (sk.startsWith(attachmentPrefix)) return [own, uploadKey(sk.slice(attachmentPrefix.length))];
      return [own];
    });
  };

  const deleteAll = async (keys: readonly Key[]) => {
    const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
    for (let at = 0; at < unique.length; at += transactionLimit) {
      const chunk = unique.slice(at, at + transactionLimit);
      await client.send(new TransactWriteCommand({ TransactItems: chunk.map((key) => ({ Delete: { TableName: tableName, Key: key } })) }));
    }
  };

  /** The person's open-need marker, if this application still holds it (a possible duplicate never did). */
  const releaseOpenNeed = (application: Application) =>
    writtenIfConditionHolds(
      client.send(
        new DeleteCommand({
          TableName: tableName,
          Key: openNeedKey(application.serviceId, application.track, application.personKey),
          ConditionExpression: 'applicationId = :id',
          ExpressionAttributeValues: { ':id': application.id },
        }),
      ),
    );

  return {
    findApplication: createApplicationRepository(client, tableName).findApplication,

    async findTombstone(id) {
      const item = await get(tombstoneKey(id));
      return item ? tombstoneItems.fromItem(item) : undefined;
    },

    async listDue(month, page) {
      const index = inIndex('gsi5', retentionPartition(month));
      return mapPage(await indexPage(client, tableName, partitionQuery(index), index, page), (item) => dueRecordOf(applicationItems.fromItem(item)));
    },

    async destroy(application, tombstone) {
      if (!evidence) throw new Error('destroying needs the evidence bucket');
      // Evidence first: while the application item stands, a failure here is simply destroyed again.
      // Files attached from a draft keep the key they were checked under (applications/draft-<id>/…): delete those too.
      const attached = await queryAll(client, tableName, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :attachment)',
        ExpressionAttributeValues: { ':pk': applicationKey(application.id).pk, ':attachment': attachmentPrefix },
        ProjectionExpression: 'evidenceKey',
        ConsistentRead: true,
      });
      const ownPrefix = evidenceKeyOf({ kind: 'application', id: application.id }, '');
      const fromDrafts = attached.map((item) => item.evidenceKey).filter((key): key is string => typeof key === 'string' && !key.startsWith(ownPrefix));
      const objectKeys = [...(await evidence.deleteUnder(ownPrefix)), ...(await Promise.all(fromDrafts.map((key) => evidence.deleteUnder(key)))).flat()];
      const uploads = objectKeys.map((key) => uploadKey(key.slice(key.lastIndexOf('/') + 1)));
      await deleteAll([...(await partitionKeys(application.id)), ...uploads]);
      await releaseOpenNeed(application);
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            deleteAtVersion(tableName, applicationKey(application.id), application.version),
            { Put: { TableName: tableName, Item: tombstoneItems.toItem(tombstone) } },
          ],
        }),
      );
    },
  };
};
