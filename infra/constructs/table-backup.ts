import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Daily recovery points cover what point-in-time recovery covers (35 days). */
export const dailyBackupRetention = Duration.days(35);
/** Monthly recovery points are kept as long as the records themselves: 10 years (docs/compliance.md). */
export const monthlyBackupRetention = Duration.days(3653);

/**
 * AWS Backup for the applications table. Point-in-time recovery reaches back 35 days only;
 * the records are kept for 10 years, so a month-end recovery point is kept that long too, in
 * a vault encrypted with the table's own key (the backups hold the same special-category
 * data). AWS Backup works through a role of its own with exactly the table, backup and key
 * actions it needs, inline (no AWS managed policy).
 */
export class TableBackup extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: { table: dynamodb.Table; key: kms.IKey }) {
    super(scope, id);
    const { table, key } = props;
    this.vault = new backup.BackupVault(this, 'Vault', { encryptionKey: key, removalPolicy: RemovalPolicy.RETAIN });
    this.plan = new backup.BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '2', minute: '0' }),
        deleteAfter: dailyBackupRetention,
      }),
    );
    this.plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Monthly',
        scheduleExpression: events.Schedule.cron({ day: '1', hour: '3', minute: '0' }),
        deleteAfter: monthlyBackupRetention,
      }),
    );

    const backupArns = `${table.tableArn}/backup/*`;
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: recovery points of the applications table',
      inlinePolicies: {
        access: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'BackUpTheTable',
              actions: ['dynamodb:DescribeTable', 'dynamodb:CreateBackup', 'dynamodb:StartAwsBackupJob', 'dynamodb:ListTagsOfResource'],
              resources: [table.tableArn],
            }),
            new iam.PolicyStatement({
              sid: 'ManageItsRecoveryPoints',
              actions: ['dynamodb:DescribeBackup', 'dynamodb:DeleteBackup'],
              resources: [backupArns],
            }),
            new iam.PolicyStatement({
              sid: 'UseTheTableKey',
              actions: ['kms:DescribeKey', 'kms:Decrypt', 'kms:GenerateDataKey'],
              resources: [key.keyArn],
            }),
            new iam.PolicyStatement({
              sid: 'GrantTheKeyToAwsBackupOnly',
              actions: ['kms:CreateGrant'],
              resources: [key.keyArn],
              conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
            }),
            new iam.PolicyStatement({
              sid: 'WriteToItsVault',
              actions: ['backup:DescribeBackupVault', 'backup:CopyIntoBackupVault'],
              resources: [this.vault.backupVaultArn],
            }),
          ],
        }),
      },
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement)}.Arn>/backup/*]`,
      reason:
        'DynamoDB names each backup at creation (table/<name>/backup/<id>), so describing and expiring the recovery points needs the backup-level wildcard; it is confined to backups of this one table.',
    });
    Validations.of(role).acknowledge({
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "AWS Backup's role has one inline policy with exact actions on this table, its backups, its key and its vault: nothing else can attach it, which a customer-managed policy would allow.",
    });
    this.plan.addSelection('Table', {
      resources: [backup.BackupResource.fromArn(table.tableArn)],
      role,
      disableDefaultBackupPolicy: true,
    });
  }
}
