import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { tableDesign } from '../../functions/adapters/table-design';
import { TableBackup } from './table-backup';

/**
 * The single table, derived from `tableDesign`, encrypted with a customer-managed
 * key: it holds special-category personal data (health, disability), so the
 * agency controls the key, its policy and its audit trail in CloudTrail.
 */
export class DataTable extends Construct {
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  /** Full ARN of each secondary index, by name (for least-privilege Query grants). */
  readonly indexArns: ReadonlyMap<string, string>;
  readonly streamArn: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.key = new kms.Key(this, 'Key', {
      description: 'siva-eservices: encrypts the applications table and its stream',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const indexArns = new Map<string, string>();
    for (const index of tableDesign.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType[index.projection],
      });
      indexArns.set(index.name, `${this.table.tableArn}/index/${index.name}`);
    }
    this.indexArns = indexArns;

    new TableBackup(this, 'Backup', { table: this.table, key: this.key });

    if (!this.table.tableStreamArn) throw new Error('The table must have a stream for the notifier');
    this.streamArn = this.table.tableStreamArn;
  }
}
