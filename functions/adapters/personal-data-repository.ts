/**
 * A person's data in the table: the person index (gsi4), each application's
 * partition, and the audit of staff exports under the person key. Owns keys.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PersonalDataStore } from '../core/personal-data';
import { createApplicationRepository } from './application-repository';
import { applicationItems } from './entities/application';
import { dataExportAuditItems } from './entities/retention';
import { dataExportAuditKey, dataExportAuditPrefix, personIndexKeys } from './keys';
import { queryAll } from './pagination';
import { createUploadRepository } from './upload-repository';
import { putNew } from './writes';

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
      return items.map(applicationItems.fromItem);
    },

    findWithTimeline: applications.findWithTimeline,
    listAttachments: uploads.listAttachments,

    async recordExport(audit) {
      await client.send(new PutCommand(putNew(tableName, dataExportAuditItems.toItem(audit)).Put));
    },

    async listExports(personKey) {
      const items = await queryAll(client, tableName, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': dataExportAuditKey(personKey, '', '').pk, ':prefix': dataExportAuditPrefix },
        ConsistentRead: true,
      });
      return items.map(dataExportAuditItems.fromItem);
    },
  };
};
