import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { environmentNames, type EnvironmentKey } from '../functions/config';
import { authorizationScopes, deadLetterConsumer, filteredStreamConsumers, functions, scheduledFunctions, httpRoutes, mailEventConsumer, routeKey, scanResultConsumer, streamConsumer, workforceTokenTrigger, type Audience, type FunctionName, type RouteDefinition } from './routes';
import { fiveMinutes, raiseAlarm } from './constructs/alarms';
import { EvidenceStorage } from './constructs/evidence-storage';
import { DataTable } from './constructs/data-table';
import { operationsKeyOf } from './constructs/operations-key';
import { PersonKey } from './constructs/person-key';
import { maxStreamRecordAge, ServiceFunction } from './constructs/service-function';
import { PortalEdge } from './constructs/portal-edge';
import { WorkforcePool } from './constructs/workforce-pool';
import { repositoryRoot } from '../local/paths';
import { readSettings } from './settings';


/** `submit-application` → `SubmitApplication`: construct ids (and so logical ids) per function. */
export const constructIdOf = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

const retentionOf = (days: number): logs.RetentionDays => {
  const allowed = Object.values(logs.RetentionDays).filter((value): value is number => typeof value === 'number');
  if (!allowed.includes(days)) throw new Error(`Context "logRetentionDays" must be one of ${allowed.join(', ')}`);
  return days as logs.RetentionDays;
};

/**
 * Access log line (one JSON object): request metadata only; no IP address, user
 * agent, headers, query string, path values or bodies, which can carry personal data.
 */
const accessLogFields: Record<string, string> = {
  requestId: '"$context.requestId"',
  requestTimeEpoch: '"$context.requestTimeEpoch"',
  httpMethod: '"$context.httpMethod"',
  routeKey: '"$context.routeKey"',
  status: '"$context.status"',
  protocol: '"$context.protocol"',
  responseLength: '"$context.responseLength"',
  responseLatency: '"$context.responseLatency"',
  integrationLatency: '"$context.integrationLatency"',
  integrationStatus: '"$context.integrationStatus"',
  authorizerError: '"$context.authorizer.error"',
  errorResponseType: '"$context.error.responseType"',
  // Already a quoted JSON string (escapes quotes inside the message).
  error: '$context.error.messageString',
};
export const accessLogFormat = `{${Object.entries(accessLogFields)
  .map(([name, value]) => `"${name}":${value}`)
  .join(',')}}`;

/**
 * A queue that is itself a dead-letter queue: encrypted, TLS only, kept 14 days, retained. The rules
 * asking it for a dead-letter queue of its own are acknowledged with the reason given.
 */
/**
 * A dead-letter queue that operations are alarmed about: as soon as a message waits in it (`waiting: 'any'`), or once
 * the oldest has waited `oldestSeconds` (a queue a function consumes, where a message waiting briefly is normal).
 */
const deadLetterQueue = (
  scope: Construct,
  id: string,
  props: { whyNoFurtherQueue: string; alarm: string; waiting: 'any' | { oldestSeconds: number } },
): sqs.Queue => {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) Validations.of(queue).acknowledge({ id: rule, reason: props.whyNoFurtherQueue });
  const { waiting } = props;
  raiseAlarm(
    queue,
    waiting === 'any' ? 'WaitingAlarm' : 'OldestMessageAlarm',
    waiting === 'any'
      ? { metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }), threshold: 1, description: props.alarm }
      : { metric: queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum' }), threshold: waiting.oldestSeconds, description: props.alarm },
  );
  return queue;
};

export interface SivaEservicesStackProps extends StackProps {
  /** The route table; defaults to infra/routes.ts (tests pass variations). */
  readonly routes?: readonly RouteDefinition[];
  /** ARN of the CloudFront-scoped WAF web ACL (infra/portal-firewall-stack.ts) the portal distribution attaches. */
  readonly portalWebAclArn: string;
}

export class SivaEservicesStack extends Stack {
  readonly functions: ReadonlyMap<FunctionName, ServiceFunction>;

  constructor(scope: Construct, id: string, props: SivaEservicesStackProps) {
    super(scope, id, props);
    const settings = readSettings(this.node);
    const logRetention = retentionOf(settings.logRetentionDays);

    const data = new DataTable(this, 'Data');
    const personKey = new PersonKey(this, 'PersonKey');
    const workforce = new WorkforcePool(this, 'Workforce', { staffPortalUrl: settings.staffPortalUrl, domainPrefix: settings.workforceDomainPrefix });

    // --- E-mail: sending identity (verified through DNS, outside this stack) and configuration set.
    const configurationSet = new ses.ConfigurationSet(this, 'MailConfigurationSet', {
      reputationMetrics: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    const email = {
      identityArn: this.formatArn({ service: 'ses', resource: 'identity', resourceName: settings.senderDomain }),
      configurationSetArn: this.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      }),
    };

    // --- Bounces, complaints and sends: published by the configuration set to an encrypted topic, recorded by the
    // mail-events function (an asynchronous invocation: what it still fails after Lambda's retries is kept).
    const mailEvents = new sns.Topic(this, 'MailEventsTopic', {
      displayName: 'siva-eservices SES bounces and complaints',
      masterKey: operationsKeyOf(this),
      enforceSSL: true,
    });
    // Send events too: one records an e-mail SES accepted that the notifier died before recording (docs/notifications.md).
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(mailEvents),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.SEND],
    });
    const mailEventFailures = deadLetterQueue(this, 'MailEventFailures', {
      whyNoFurtherQueue:
        'This queue is itself the dead-letter queue of the mail-events function and of its SNS subscription: a bounce or complaint that could not be handed over or recorded after the retries waits here (14 days) for operations, who are alarmed as soon as one arrives.',
      alarm: 'Mail-events dead-letter queue: a bounce or complaint could not be recorded for staff',
      waiting: 'any',
    });
    // SES reviews an account at a 5 % bounce rate and 0.1 % complaint rate; alarm at half of each.
    for (const [metricName, threshold] of [['Reputation.BounceRate', 0.025], ['Reputation.ComplaintRate', 0.0005]] as const) {
      raiseAlarm(configurationSet, `${metricName.replace(/\W/g, '')}Alarm`, {
        metric: new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName,
          dimensionsMap: { 'ses:configuration-set': configurationSet.configurationSetName },
          period: Duration.hours(1),
          statistic: 'Maximum',
        }),
        threshold,
        description: `SES ${metricName} of the configuration set reached ${threshold * 100} % (SES reviews sending at ${metricName.includes('Bounce') ? '5' : '0.1'} %)`,
      });
    }

    // --- Where stream batches go when the notifier still fails after every retry.
    const notificationFailures = deadLetterQueue(this, 'NotificationFailures', {
      whyNoFurtherQueue:
        "This queue is itself the dead-letter (on-failure) destination of the notifier's table-stream event source mapping. The dead-letters function consumes it and records each failed batch's e-mails as failed (or the batch as lost) for staff; a message it cannot record stays here (14 days), is retried and raises the oldest-message alarm, so a further DLQ behind it would only hide it.",
      alarm: 'Notification failures queue: a dead-lettered stream batch has waited 15 minutes or more to be recorded for staff',
      // A failed batch is recorded within seconds; one still waiting after 15 minutes means recording fails.
      waiting: { oldestSeconds: 15 * 60 },
    });

    // --- Evidence uploads: quarantine (scanned by GuardDuty), checked evidence, their key.
    const uploads = new EvidenceStorage(this, 'Uploads', { portalOrigin: new URL(settings.portalUrl).origin });
    const uploadBuckets = { quarantine: uploads.quarantine, evidence: uploads.evidence, key: uploads.key };

    // The notifier pauses before handing a temporarily failed record back to the stream
    // (retryBase × 2^(delivery−1), at most maxDeliveries−1 times): its timeout must cover the
    // longest pause plus a batch of sends, and Lambda must retry at least as often as the
    // notifier counts deliveries, or records would reach the DLQ before being recorded as failed.
    const longestPauseSeconds = Math.ceil(
      (settings.notificationRetryBaseMs * 2 ** Math.max(0, settings.notificationMaxDeliveries - 2)) / 1000,
    );
    const notifierTimeout = Duration.seconds(Math.min(900, longestPauseSeconds + 60));
    const streamRetryAttempts = Math.min(10_000, Math.max(10, settings.notificationMaxDeliveries + 2));

    // --- Environment every function receives. Keyed by every name in functions/config.ts,
    // so a variable added there fails type-checking here until the stack sets it.
    const values: Record<EnvironmentKey, string | undefined> = {
      tableName: data.table.tableName,
      mailFrom: settings.mailFrom,
      agencyInboxes: settings.agencyInboxes,
      sesConfigurationSet: configurationSet.configurationSetName,
      portalUrl: settings.portalUrl,
      staffPortalUrl: settings.staffPortalUrl,
      pensionAge: String(settings.pensionAge),
      citizenTokenIssuer: settings.citizenIssuerUrl,
      workforceTokenIssuer: workforce.issuerUrl,
      citizenOidcIssuer: settings.citizenIssuerUrl,
      citizenOidcClientId: settings.citizenAudience,
      workforceOidcIssuer: workforce.issuerUrl,
      workforceOidcClientId: workforce.client.userPoolClientId,
      webOrigin: settings.portalUrl,
      notificationMaxDeliveries: String(settings.notificationMaxDeliveries),
      notificationRetryBaseMs: String(settings.notificationRetryBaseMs),
      // A claim must outlive the invocation that took it: no two invocations send the same e-mail at once.
      notificationSendLeaseMs: String(notifierTimeout.toMilliseconds()),
      personKeyId: personKey.key.keyArn,
      // Local only: deployed, the person key never leaves KMS.
      personKeyFile: undefined,
      representativeDailyLimit: String(settings.representativeDailyLimit),
      quarantineBucket: uploads.quarantine.bucketName,
      evidenceBucket: uploads.evidence.bucketName,
      uploadKeyArn: uploads.key.keyArn,
    };
    const environment = Object.fromEntries(
      (Object.keys(environmentNames) as EnvironmentKey[]).flatMap((key) => (values[key] === undefined ? [] : [[environmentNames[key], values[key]]])),
    );

    // --- One function per definition in routes.ts.
    const built = new Map<FunctionName, ServiceFunction>();
    for (const [name, definition] of Object.entries(functions) as [FunctionName, (typeof functions)[FunctionName]][]) {
      const consumesStream = name === streamConsumer;
      const streamFilter = (filteredStreamConsumers as Partial<Record<FunctionName, { eventName: string; entity: string }>>)[name];
      built.set(
        name,
        new ServiceFunction(this, constructIdOf(name), {
          definition,
          repositoryRoot,
          data,
          // The trigger reads no setting, and the pool that calls it cannot be named in it (a cycle).
          environment: name === workforceTokenTrigger ? {} : environment,
          personKeyArn: personKey.key.keyArn,
          logRetention,
          // API functions answer people: more memory = more CPU = faster cold starts.
          memorySize: consumesStream ? 256 : 512,
          // API Gateway gives up after 30 s; the notifier's timeout follows its retry pause (above).
          timeout: consumesStream ? notifierTimeout : Duration.seconds(10),
          ...(definition.sendsEmail ? { email } : {}),
          ...(consumesStream ? { streamSource: { streamArn: data.streamArn, onFailure: notificationFailures, retryAttempts: streamRetryAttempts } } : {}),
          ...(streamFilter
            ? {
                streamSource: {
                  streamArn: data.streamArn,
                  onFailure: notificationFailures,
                  retryAttempts: streamRetryAttempts,
                  filter: lambda.FilterCriteria.filter({
                    eventName: lambda.FilterRule.isEqual(streamFilter.eventName),
                    dynamodb: { OldImage: { entity: { S: lambda.FilterRule.isEqual(streamFilter.entity) } } },
                  }),
                },
              }
            : {}),
          ...(name === deadLetterConsumer ? { deadLetterSource: { streamArn: data.streamArn, queue: notificationFailures } } : {}),
          ...(name === mailEventConsumer ? { asyncFailures: mailEventFailures } : {}),
          reservedConcurrency: settings.reservedConcurrency,
          ...('buckets' in definition ? { uploadBuckets } : {}),
        }),
      );
    }
    this.functions = built;
    workforce.useTokenTrigger(built.get(workforceTokenTrigger)!.function);

    // SNS keeps what it cannot hand to the function (throttled, unavailable) in the same queue.
    mailEvents.addSubscription(new subscriptions.LambdaSubscription(built.get(mailEventConsumer)!.function, { deadLetterQueue: mailEventFailures }));

    const notifier = built.get(streamConsumer)!;
    // Records wait in the stream while the notifier pauses for an outage; an hour behind is far past
    // any pause and well before the 6-hour age at which a batch is dead-lettered.
    raiseAlarm(notifier, 'IteratorAgeAlarm', {
      metric: notifier.function.metric('IteratorAge', { period: fiveMinutes, statistic: 'Maximum' }),
      threshold: Math.min(3600_000, maxStreamRecordAge.toMilliseconds() / 4),
      description: 'Notifier: the oldest unsent table-stream record is an hour old or more (e-mails are delayed; at 6 hours they are dead-lettered)',
    });
    const deadLetters = built.get(deadLetterConsumer)!;
    if (deadLetters.deadLetterMapping) {
      Validations.of(deadLetters.deadLetterMapping).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'An SQS event source mapping takes no on-failure destination: a message the dead-letters function cannot record returns to its queue after the visibility timeout and is retried, and the queue\'s oldest-message alarm tells operations.',
      });
    }
    uploads.promoteWith(built.get(scanResultConsumer)!.function);

    // --- Scheduled functions (routes.ts): an EventBridge rule each, passing the run's time in the event. A run
    // EventBridge could not deliver waits in a queue (operations are alarmed); the next run catches up anyway.
    const scheduleFailures = deadLetterQueue(this, 'ScheduleFailures', {
      whyNoFurtherQueue:
        'This queue is itself the dead-letter queue of the scheduled rules: a run EventBridge could not deliver after its retries waits here (14 days) for operations, who are alarmed as soon as one arrives; the next scheduled run does its work anyway.',
      alarm: 'Scheduled runs dead-letter queue: a scheduled function (draft reminders) could not be started',
      waiting: 'any',
    });
    for (const [name, expression] of Object.entries(scheduledFunctions) as [FunctionName, string][]) {
      new events.Rule(this, `${constructIdOf(name)}Schedule`, {
        description: `Runs ${name} on its schedule`,
        schedule: events.Schedule.expression(expression),
        targets: [new eventTargets.LambdaFunction(built.get(name)!.function, { retryAttempts: 2, deadLetterQueue: scheduleFailures })],
      });
    }

    // --- HTTP API from the route table.
    const authorizers: Record<Audience, IHttpRouteAuthorizer> = {
      citizen: new HttpJwtAuthorizer('citizen', settings.citizenIssuerUrl, {
        authorizerName: 'citizen',
        jwtAudience: [settings.citizenAudience],
      }),
      // Access tokens: Cognito puts the app client in `client_id`, not `aud`; API Gateway compares
      // `client_id` with this list when a token has no `aud`. Routes also require the scope the token
      // trigger adds, which an ID token (whose `aud` is the same client) never carries.
      workforce: new HttpJwtAuthorizer('workforce', workforce.issuerUrl, {
        authorizerName: 'workforce',
        jwtAudience: [workforce.client.userPoolClientId],
      }),
    };

    const api = new HttpApi(this, 'Api', {
      description: 'SIVA e-services API',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logRetention,
      encryptionKey: operationsKeyOf(this),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(accessLogFormat),
      },
      throttle: { rateLimit: settings.throttleRateLimit, burstLimit: settings.throttleBurstLimit },
    });
    Validations.of(stage).acknowledge({
      id: 'Serverless-APIGWStructuredLogging',
      reason:
        'The access log format is one JSON object once API Gateway substitutes its variables: $context.error.messageString is itself a quoted JSON string, so it stands unquoted and the raw template does not parse (tests/infra parses it with the variable substituted).',
    });

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationOf = (name: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        const target = built.get(name);
        if (!target) throw new Error(`Route names unknown function "${name}"`);
        integration = new HttpLambdaIntegration(`${constructIdOf(name)}Integration`, target.function);
        integrations.set(name, integration);
      }
      return integration;
    };

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of (props.routes ?? httpRoutes) as readonly RouteDefinition[]) {
      const [httpRoute] = api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.function),
        authorizer: route.audience === null ? new HttpNoneAuthorizer() : authorizers[route.audience],
        ...(route.audience && authorizationScopes[route.audience].length > 0 && { authorizationScopes: [...authorizationScopes[route.audience]] }),
      });
      if (route.audience === null && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.function === 'web'
              ? `${routeKey(route)} serves the portal's pages: the web function signs people in itself (OIDC code flow with PKCE) and answers personal pages only to its own server-side session, checked on every request.`
              : `${routeKey(route)} is deliberately public in infra/routes.ts (audience: null): it must work before sign-in, so a route is only made public when it returns no personal data.`,
        });
      }
      if (route.throttle && httpRoute) {
        routeSettings[routeKey(route)] = { ThrottlingRateLimit: route.throttle.rateLimit, ThrottlingBurstLimit: route.throttle.burstLimit };
        // Route settings name a route by its key: CloudFormation must create the route first.
        stage.node.addDependency(httpRoute);
      }
    }
    // The L2 stage has no per-route settings; the L1 property takes them, keyed by route key.
    if (Object.keys(routeSettings).length > 0) (stage.node.defaultChild as CfnStage).routeSettings = routeSettings;

    // --- The portal's edge: CloudFront over the API and the assets bucket, WAF, security headers.
    const edge = new PortalEdge(this, 'PortalEdge', {
      apiDomainName: `${api.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
      webAclArn: props.portalWebAclArn,
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'PortalUrl', { value: `https://${edge.distribution.distributionDomainName}` });
    new CfnOutput(this, 'AssetsBucketName', { value: edge.assets.bucketName });
    new CfnOutput(this, 'WorkforceUserPoolId', { value: workforce.userPool.userPoolId });
    new CfnOutput(this, 'WorkforceClientId', { value: workforce.client.userPoolClientId });
    new CfnOutput(this, 'NotificationFailuresQueueUrl', { value: notificationFailures.queueUrl });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'EvidenceBucketName', { value: uploads.evidence.bucketName });
  }
}
