import { join } from 'node:path';
import { ArnFormat, type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionDefinition } from '../routes';
import { fiveMinutes, raiseAlarm } from './alarms';
import type { DataTable } from './data-table';
import { operationsKeyOf } from './operations-key';

/** The newest Node.js runtime this aws-cdk-lib knows (cdk-nag AwsSolutions-L1 checks this). */
export const nodeRuntime = lambda.Runtime.NODEJS_24_X;

/** Exact actions per kind of table access; transactions are authorised per underlying action. */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/** What DynamoDB needs from the caller on the table's CMK (no ReEncrypt: DynamoDB never re-encrypts on a caller's behalf). */
export const keyActions = {
  read: ['kms:Decrypt', 'kms:DescribeKey'],
  write: ['kms:Encrypt', 'kms:GenerateDataKey'],
} as const;

/** Oldest a stream record may get before it is dead-lettered (see the mapping below). */
export const maxStreamRecordAge = Duration.hours(6);

/** What active tracing needs; X-Ray has no resource types, so these go on `*`. */
export const tracingActions = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] as const;

export const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'] as const;

export interface EmailSending {
  readonly identityArn: string;
  readonly configurationSetArn: string;
}

export interface StreamSource {
  readonly streamArn: string;
  /** Where batches that still fail after every retry are recorded (on-failure destination). */
  readonly onFailure: sqs.IQueue;
  readonly retryAttempts: number;
  /** Only records matching this pattern reach the function (an event source mapping filter); absent: every record. */
  readonly filter?: Readonly<Record<string, unknown>>;
}

export interface ServiceFunctionProps {
  readonly definition: FunctionDefinition;
  readonly repositoryRoot: string;
  readonly data: DataTable;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: logs.RetentionDays;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Present when the definition says `sendsEmail`. */
  readonly email?: EmailSending;
  /** Present for the table stream's consumer. */
  readonly streamSource?: StreamSource;
  /** Present for the consumer of the stream consumer's on-failure queue: it reads the named batches back from the stream. */
  readonly deadLetterSource?: DeadLetterSource;
  /** ARN of the person key (HMAC): granted GenerateMac when the definition says `macsPersonalCodes`. */
  readonly personKeyArn?: string;
  /**
   * Concurrent executions reserved for (and capping) this function: a flood on one route can
   * neither starve the others nor run up the bill (default 10).
   */
  readonly reservedConcurrency?: number;
  /**
   * Present for a function invoked asynchronously (by SNS, EventBridge, S3): where Lambda puts
   * an event it still fails after its own retries. Every other function is invoked synchronously
   * (API Gateway, event source mappings), where a Lambda dead-letter queue never receives anything.
   */
  readonly asyncFailures?: sqs.IQueue;
  /** Present when the definition asks for `buckets` (evidence uploads). */
  readonly uploadBuckets?: UploadBuckets;
}

export interface UploadBuckets {
  readonly quarantine: s3.IBucket;
  readonly evidence: s3.IBucket;
  readonly key: kms.IKey;
}

/** Exact S3 actions per kind of bucket access; evidence is kept under `applications/` (functions/core/uploads.ts). */
const bucketActions = { put: 's3:PutObject', read: 's3:GetObject', delete: 's3:DeleteObject' } as const;
const evidencePrefix = 'applications/*';

export interface DeadLetterSource {
  readonly streamArn: string;
  readonly queue: sqs.IQueue;
}

const bundlingBanner =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Why a function invoked synchronously has no Lambda dead-letter queue (cdk-nag LambdaDLQ rules). */
const synchronousOnlyReason =
  'Invoked synchronously only (API Gateway, or an event source mapping with its own failure handling: retries, bisect and the SQS on-failure queue for the stream, redelivery and the queue-age alarm for SQS). A Lambda dead-letter queue receives only failed asynchronous invocations, so it would stay empty.';

/**
 * One Lambda function of the route table: its own log group (with retention, encrypted with
 * the operations key), its own role with no AWS managed policy, and exactly the table / index /
 * key / SES / stream permissions its definition asks for, as explicit statements; X-Ray
 * tracing, reserved concurrency, and alarms on its errors and throttles. Every function built
 * with it gets all of these, so compliance is met in one place.
 */
export class ServiceFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly eventSourceMapping?: lambda.EventSourceMapping;
  readonly deadLetterMapping?: lambda.EventSourceMapping;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { definition, data } = props;
    const stack = Stack.of(this);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      encryptionKey: operationsKeyOf(this),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const logGroupArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.logGroup.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    const statements: iam.PolicyStatement[] = [
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // Lambda names each stream itself (date/[version]id), so the stream level is the
        // one wildcard left, confined to this function's own log group.
        resources: [logGroupArn, `${logGroupArn}:log-stream:*`],
      }),
      // X-Ray takes trace segments on no resource but `*` (it has no resource types).
      new iam.PolicyStatement({ sid: 'WriteTraces', actions: [...tracingActions], resources: ['*'] }),
    ];

    const reads = definition.tableAccess === 'read' || definition.tableAccess === 'read-write';
    const writes = definition.tableAccess === 'write' || definition.tableAccess === 'read-write';
    if (reads) {
      statements.push(
        new iam.PolicyStatement({ sid: 'ReadTable', actions: [...tableActions.read], resources: [data.table.tableArn] }),
      );
    }
    if (definition.indexes.length > 0) {
      if (!reads) throw new Error(`Function with indexes must have read access: ${definition.entry}`);
      const indexArns = definition.indexes.map((name) => {
        const arn = data.indexArns.get(name);
        if (!arn) throw new Error(`Unknown index "${name}" in ${definition.entry}; see tableDesign.indexes`);
        return arn;
      });
      statements.push(new iam.PolicyStatement({ sid: 'QueryIndexes', actions: ['dynamodb:Query'], resources: indexArns }));
    }
    if (writes) {
      statements.push(
        new iam.PolicyStatement({ sid: 'WriteTable', actions: [...tableActions.write], resources: [data.table.tableArn] }),
      );
    }
    if (reads || writes) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'UseTableKeyThroughDynamoDB',
          actions: [...keyActions.read, ...(writes ? keyActions.write : [])],
          resources: [data.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.${stack.urlSuffix}` } },
        }),
      );
    }

    if (definition.macsPersonalCodes) {
      if (!props.personKeyArn) throw new Error(`${definition.entry} MACs personal codes but no person key was given`);
      statements.push(
        new iam.PolicyStatement({
          sid: 'MacPersonalCodes',
          actions: ['kms:GenerateMac'],
          resources: [props.personKeyArn],
          conditions: { StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } },
        }),
      );
    }

    if (definition.sendsEmail) {
      if (!props.email) throw new Error(`${definition.entry} sends e-mail but no SES identity was given`);
      statements.push(
        new iam.PolicyStatement({
          sid: 'SendEmail',
          actions: ['ses:SendEmail'],
          resources: [props.email.identityArn, props.email.configurationSetArn],
        }),
      );
    }

    const streamRead = props.streamSource?.streamArn ?? props.deadLetterSource?.streamArn;
    if (streamRead) {
      // No dynamodb:ListStreams: it only works on `*`, and every reader is given the exact stream ARN.
      statements.push(
        new iam.PolicyStatement({ sid: 'ReadTableStream', actions: [...streamActions], resources: [streamRead] }),
        new iam.PolicyStatement({ sid: 'DecryptTableStream', actions: ['kms:Decrypt'], resources: [data.key.keyArn] }),
      );
    }
    if (props.deadLetterSource) {
      statements.push(
        new iam.PolicyStatement({
          sid: 'ConsumeFailedBatches',
          actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
          resources: [props.deadLetterSource.queue.queueArn],
        }),
      );
    }
    if (props.asyncFailures) {
      statements.push(
        new iam.PolicyStatement({ sid: 'RecordFailedInvocations', actions: ['sqs:SendMessage'], resources: [props.asyncFailures.queueArn] }),
      );
    }
    if (props.streamSource) {
      // No dynamodb:ListStreams: it only works on `*`, and the mapping is given the
      // exact stream ARN, so Lambda never needs to list streams.
      statements.push(
        new iam.PolicyStatement({
          sid: 'RecordFailedBatches',
          actions: ['sqs:SendMessage'],
          resources: [props.streamSource.onFailure.queueArn],
        }),
      );
    }

    const bucketAccess = (definition as FunctionDefinition).buckets;
    const objectWildcards: string[] = [];
    if (bucketAccess) {
      const buckets = props.uploadBuckets;
      if (!buckets) throw new Error(`${definition.entry} uses the upload buckets but none were given`);
      const grants = [
        { name: 'Quarantine', bucket: buckets.quarantine, pattern: '*', kinds: bucketAccess.quarantine ?? [] },
        { name: 'Evidence', bucket: buckets.evidence, pattern: evidencePrefix, kinds: bucketAccess.evidence ?? [] },
      ].filter(({ kinds }) => kinds.length > 0);
      for (const { name, bucket, pattern, kinds } of grants) {
        statements.push(new iam.PolicyStatement({ sid: `${name}Objects`, actions: kinds.map((kind) => bucketActions[kind]), resources: [bucket.arnForObjects(pattern)] }));
        objectWildcards.push(`<${stack.getLogicalId(bucket.node.defaultChild as CfnElement)}.Arn>/${pattern}`);
      }
      const kinds = new Set<string>(grants.flatMap(({ kinds }) => kinds));
      // Writing (a presigned POST is a write with this role's rights) needs a data key; reading, decryption; deleting, neither.
      const keyActions = [...(kinds.has('put') ? ['kms:GenerateDataKey'] : []), ...(kinds.has('read') ? ['kms:Decrypt'] : [])];
      if (keyActions.length > 0) {
        statements.push(
          new iam.PolicyStatement({
            sid: 'UseUploadKeyThroughS3',
            actions: keyActions,
            resources: [buckets.key.keyArn],
            conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` } },
          }),
        );
      }
    }

    // Inline policy on the role itself, so the permissions exist before the function
    // and its event source mapping are created (no ordering race with a separate policy).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role: ${definition.description}`,
      inlinePolicies: { access: new iam.PolicyDocument({ statements }) },
    });
    // cdk-nag v3 acknowledges one finding at a time: exactly this log group's stream wildcard.
    const logGroupLogicalId = stack.getLogicalId(this.logGroup.node.defaultChild as CfnElement);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:<${logGroupLogicalId}>:log-stream:*]`,
      reason:
        "Lambda names its log streams at run time (date/[version]id), so PutLogEvents needs the stream-level wildcard; it is confined to this function's own log group.",
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords are granted on `*`: X-Ray defines no resource types, so these actions cannot name one (the same statement AWS adds for active tracing).',
    });
    Validations.of(this.role).acknowledge({
      id: 'Serverless-LambdaStarPermissions',
      reason:
        "The role's two wildcards are the ones that cannot name a resource: the log-stream level inside this function's own log group (Lambda names streams at run time) and the X-Ray trace actions (X-Ray has no resource types). Every other statement names exact resources.",
    });
    Validations.of(this.role).acknowledge({
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "Each function has its own role whose one inline policy is derived from the function's definition (exact actions on exact resources, asserted by tests/infra). Inline keeps the policy in the role's own lifecycle: it exists before the function and its event source mapping (no ordering race) and cannot be attached to any other principal, which a customer-managed policy could.",
    });

    for (const wildcard of objectWildcards) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${wildcard}]`,
        reason:
          'Upload objects are named by random upload ids chosen at run time, so the grant is object-level within one bucket (and, for evidence, under applications/), for exactly the actions routes.ts names.',
      });
    }

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(props.repositoryRoot, definition.entry),
      handler: 'handler',
      projectRoot: props.repositoryRoot,
      depsLockFilePath: join(props.repositoryRoot, 'package-lock.json'),
      description: definition.description,
      runtime: nodeRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrency ?? 10,
      // No --enable-source-maps: it costs every cold start 5–25 ms (bench/RESULTS.md) and our logs carry no stack
      // traces to map (error name and code only). The maps are still built, for reading a trace offline.
      environment: props.environment,
      bundling: {
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: bundlingBanner,
        // Bundle the AWS SDK too: one pinned version, tree-shaken, and a bundle size we can measure.
        externalModules: [],
        forceDockerBundling: false,
      },
    });
    const cfnFunction = this.function.node.defaultChild as lambda.CfnFunction;
    // Set on the resource rather than through `tracing` / `deadLetterQueue`, which would grant
    // through a separate IAM policy resource; the grants are the inline statements above.
    cfnFunction.tracingConfig = { mode: lambda.Tracing.ACTIVE };
    if (props.asyncFailures) {
      cfnFunction.deadLetterConfig = { targetArn: props.asyncFailures.queueArn };
    } else {
      for (const rule of ['HIPAA.Security-LambdaDLQ', 'Serverless-LambdaDLQ']) {
        Validations.of(this.function).acknowledge({ id: rule, reason: synchronousOnlyReason });
      }
    }
    Validations.of(this.function).acknowledge({
      id: 'HIPAA.Security-LambdaInsideVPC',
      reason:
        'The function reaches only AWS regional services (DynamoDB, DynamoDB Streams, SES, SQS, X-Ray) over TLS, authorised by its own least-privilege role; it opens no connection into a private network and holds no network-reachable data store, so a VPC would add NAT or interface endpoints without narrowing what the function can reach.',
    });

    raiseAlarm(this, 'ErrorsAlarm', {
      metric: this.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      description: `${definition.entry}: the function failed (an unhandled error or a timeout) at least once in 5 minutes`,
    });
    raiseAlarm(this, 'ThrottlesAlarm', {
      metric: this.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }),
      threshold: 1,
      description: `${definition.entry}: invocations were throttled (reserved concurrency reached) in 5 minutes`,
    });

    if (props.streamSource) {
      this.eventSourceMapping = new lambda.EventSourceMapping(this, 'TableStream', {
        target: this.function,
        eventSourceArn: props.streamSource.streamArn,
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: props.streamSource.retryAttempts,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        // Well inside the stream's 24-hour retention: a batch that ages out is dead-lettered while the
        // dead-letters function can still read it back and record its e-mails as failed (18 hours left).
        maxRecordAge: maxStreamRecordAge,
        // The grant is the explicit statement above; SqsDlq would add GetQueueUrl/GetQueueAttributes.
        onFailure: { bind: () => ({ destination: props.streamSource!.onFailure.queueArn }) },
        ...(props.streamSource.filter && { filters: [props.streamSource.filter as Record<string, unknown>] }),
      });
    }
    if (props.deadLetterSource) {
      // One failed batch per invocation; a message that cannot be recorded stays on the queue for the next try.
      this.deadLetterMapping = new lambda.EventSourceMapping(this, 'FailedBatches', {
        target: this.function,
        eventSourceArn: props.deadLetterSource.queue.queueArn,
        batchSize: 1,
        reportBatchItemFailures: true,
      });
    }
  }
}
