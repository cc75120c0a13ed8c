/**
 * A person's data in the table: the person index (gsi4), each application's
 * partition, and the audit of staff exports under the person key. Owns keys.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './dynamo';
import type { Application } from '../core/model';
import type { DataExportAudit, PersonalDataStore } from '../core/personal-data';
import { createApplicationRepository, withoutKeys } from './application-repository';
import { dataExportAuditKey, dataExportAuditPrefix, personIndexKeys, type RetentionEntity } from './keys';
import { createUploadRepository } from './upload-repository';

export const createPersonalDataRepository = (client: DynamoDBDocumentClient, tableName: string): PersonalDataStore => {
  const applications = createApplicationRepository(client, tableName);
  const uploads = createUploadRepository(client, tableName);

  return {
    async listAboutPerson(personKey) {
      const items = await queryAll(client, tableName, {
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
      const items = await queryAll(client, tableName, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': dataExportAuditKey(personKey, '', '').pk, ':prefix': dataExportAuditPrefix },
        ConsistentRead: true,
      });
      return items.map((item) => withoutKeys<DataExportAudit>(item));
    },
  };
};
