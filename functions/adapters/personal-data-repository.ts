/**
 * A person's data in the table: the person index (gsi4), each application's
 * partition, and the audit of staff exports under the person key. Owns keys.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../core/model';
import type { DataExportAudit, PersonalDataStore } from '../core/personal-data';
import { createApplicationRepository, withoutKeys } from './application-repository';
import { dataExportAuditKey, dataExportAuditPrefix, personIndexKeys, type RetentionEntity } from './keys';
import { createUploadRepository } from './upload-repository';

type Item = Record<string, unknown>;

export const createPersonalDataRepository = (client: DynamoDBDocumentClient, tableName: string): PersonalDataStore => {
  const applications = createApplicationRepository(client, tableName);
  const uploads = createUploadRepository(client, tableName);

  /** Every item of a key condition, all pages. */
  const queryAll = async (input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> => {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await client.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };

  return {
    async listAboutPerson(personKey) {
      const items = await queryAll({
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :person',
        ExpressionAttributeValues: { ':person': personIndexKeys(personKey, '', '').gsi4pk },
      });
      return items.map((item) => withoutKeys<Application>(item));
    },

    findWithTimeline: applications.findWithTimeline,
    listAttachments: uploads.listAttachments,

    async recordExport(audit) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...dataExportAuditKey(audit.personKey, audit.at, audit.id), entity: 'data-export-audit' satisfies RetentionEntity, ...audit },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async listExports(personKey) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': dataExportAuditKey(personKey, '', '').pk, ':prefix': dataExportAuditPrefix },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKeys<DataExportAudit>(item));
    },
  };
};
