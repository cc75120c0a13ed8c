import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { nagArnPrefix } from './nag-text';
import { retentionClasses } from '../../functions/core/retention';
import { uploadLimits } from '../../schemas/upload-limits';

/** What GuardDuty Malware Protection for S3 publishes on the default event bus for each scanned object. */
export const scanResultDetailType = 'GuardDuty Malware Protection Object Scan Result';

export interface EvidenceStorageProps {
  /** Browsers POST from the citizen portal (CORS). */
  readonly portalOrigin: string;
}

/**
 * Evidence uploads (docs/documents.md): a quarantine bucket that browsers POST to
 * and GuardDuty scans (objects expire after a day), an evidence bucket for checked
 * files only (versioned), one customer-managed key for both, and an access-log
 * bucket. Call `promoteWith` to route scan results to the promote function.
 */
export class EvidenceStorage extends Construct {
  readonly key: kms.Key;
  readonly quarantine: s3.Bucket;
  readonly evidence: s3.Bucket;
  readonly plan: guardduty.CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: EvidenceStorageProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.key = new kms.Key(this, 'Key', {
      description: 'Evidence uploads: quarantine and evidence buckets',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // S3 server access logs can only be delivered to an SSE-S3 bucket.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the server access logs of the quarantine and evidence buckets; logging its own access would log the log deliveries themselves, without end.',
    });
    Validations.of(accessLogs).acknowledge({
      id: 'HIPAA.Security-S3DefaultEncryptionKMS',
      reason: 'S3 delivers server access logs only to a bucket encrypted with SSE-S3; SSE-KMS destinations are not supported. The logs hold request metadata (keys are random upload ids), never document content.',
    });
    Validations.of(accessLogs).acknowledge({
      id: 'HIPAA.Security-S3BucketVersioningEnabled',
      reason: 'Access log objects are written once by the S3 log delivery service and never overwritten; versions would only keep the 400-day expiry from freeing them.',
    });

    const common = {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
    } as const;

    this.quarantine = new s3.Bucket(this, 'Quarantine', {
      ...common,
      serverAccessLogsPrefix: 'quarantine/',
      // Nothing stays in quarantine: promoted or rejected within minutes, and never-scanned leftovers after a day.
      lifecycleRules: [{ expiration: Duration.days(retentionClasses.orphanUpload.days), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      cors: [{ allowedMethods: [s3.HttpMethods.POST], allowedOrigins: [props.portalOrigin], allowedHeaders: ['*'], maxAge: 3000 }],
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.quarantine).acknowledge({
      id: 'HIPAA.Security-S3BucketVersioningEnabled',
      reason: 'Quarantine holds unscanned files for minutes and at most a day; a rejected file (malware) must be gone when deleted, which versions would prevent. Checked files are kept, versioned, in the evidence bucket.',
    });

    this.evidence = new s3.Bucket(this, 'Evidence', {
      ...common,
      serverAccessLogsPrefix: 'evidence/',
      versioned: true,
      // A delete (a destroyed file, docs/retention.md) leaves the bytes as a noncurrent version: gone after this.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(retentionClasses.destroyedEvidenceVersions.days) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Special-category data stays in the one EU region the agency chose; the evidence bucket is versioned and kept
    // (Retain), quarantine is transient and the access logs hold no document content.
    for (const bucket of [accessLogs, this.quarantine, this.evidence]) {
      Validations.of(bucket).acknowledge({
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason:
          "Cross-Region replication would copy special-category data (health and disability evidence) to a second region, outside the single EU region where the agency's records are kept; availability is S3's multi-AZ storage, recovery from deletion is versioning with retention on the evidence bucket.",
      });
    }

    // GuardDuty Malware Protection for S3 scans every new quarantine object with this role.
    const scannerRole = new iam.Role(this, 'ScannerRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans the evidence quarantine bucket',
      inlinePolicies: {
        scan: new iam.PolicyDocument({
          statements: this.scannerStatements(stack),
        }),
      },
    });
    Validations.of(scannerRole).acknowledge({
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "GuardDuty's scanner role has one inline policy naming this bucket, its key and GuardDuty's own rule: nothing else can attach it, which a customer-managed policy would allow.",
    });
    Validations.of(scannerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArnPrefix(stack, 'events')}:${guardDutyRuleName}]`,
      reason:
        'GuardDuty creates and names its own EventBridge rule for the protected bucket (DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3…); the name prefix is the narrowest the service documents, and a condition limits it to rules GuardDuty manages.',
    });
    Validations.of(scannerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.quarantine.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
      reason:
        'The scanner reads and tags every new object of the quarantine bucket, whose keys are random upload ids; object level of this one bucket only.',
    });

    this.plan = new guardduty.CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: scannerRole.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.quarantine.bucketName } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // The role's permissions must exist before GuardDuty validates the plan.
    this.plan.node.addDependency(scannerRole);
  }

  private scannerStatements(stack: Stack): iam.PolicyStatement[] {
    const ruleArn = stack.formatArn({ service: 'events', resource: 'rule', resourceName: guardDutyRuleName.slice('rule/'.length) });
    return [
      new iam.PolicyStatement({
        sid: 'ManageOwnEventRule',
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [ruleArn],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
      new iam.PolicyStatement({ sid: 'ReadOwnEventRule', actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [ruleArn] }),
      new iam.PolicyStatement({
        sid: 'WatchBucket',
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [this.quarantine.bucketArn],
      }),
      new iam.PolicyStatement({
        sid: 'ValidateAccess',
        actions: ['s3:PutObject'],
        resources: [this.quarantine.arnForObjects('malware-protection-resource-validation-object')],
      }),
      new iam.PolicyStatement({
        sid: 'ScanAndTagObjects',
        actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [this.quarantine.arnForObjects('*')],
      }),
      new iam.PolicyStatement({
        sid: 'DecryptThroughS3',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` } },
      }),
    ];
  }

  /**
   * Scan results of quarantine objects → the promote function. Failed invocations are retried
   * by EventBridge, then kept in an encrypted queue (the objects stay in quarantine meanwhile).
   */
  promoteWith(promote: lambda.IFunction): events.Rule {
    const undelivered = new sqs.Queue(this, 'UndeliveredScanResults', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
      Validations.of(undelivered).acknowledge({
        id: rule,
        reason:
          "This queue is itself the dead-letter queue of the scan-result rule's Lambda target: results the promote function could not take after EventBridge's retries wait here (14 days) to be redriven; a queue behind it would only hide them.",
      });
    }
    const rule = new events.Rule(this, 'ScanResults', {
      description: 'GuardDuty scan results of evidence uploads → promote-upload',
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: [scanResultDetailType],
        detail: { s3ObjectDetails: { bucketName: [this.quarantine.bucketName] } },
      },
    });
    rule.addTarget(new targets.LambdaFunction(promote, { retryAttempts: 8, maxEventAge: Duration.seconds(uploadLimits.scanResultDeliverySeconds), deadLetterQueue: undelivered }));
    return rule;
  }
}

const guardDutyRuleName = 'rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*';
